// Before a daemon starts, each of its `ports=` must be free on 127.0.0.1. A port held by a
// process of ours left from last time (recorded, its orchestrator gone) is freed by reaping that
// run; one held by a live demo or by a stranger fails the run with the holder named — pid and
// command line — and the holder is never touched.
import { DemystifyError } from '../../shared/index.ts';
import { findPortHolders, findRunProcesses, isOrphanRecord, isPortFree, readProcessTable, reapRun } from '../processes/index.ts';
import type { PidRegistry, PortHolder, RunIdentity } from '../processes/index.ts';
import { stageMessages } from '../stage-messages.ts';

export const PORT_RELEASE_TIMEOUT_MS = 3_000;
const PORT_RELEASE_POLL_MS = 50;

export interface PortsContext {
  registry: PidRegistry;
  graceMs: number;
  /** Live runs of this orchestrator, to name a demo holding the port. */
  liveRuns(): { demoId: string; identity: RunIdentity }[];
  isLiveRun(runId: string): boolean;
}

export interface PortsResult {
  error?: DemystifyError;
  /** "etcd (pid 1234)" for each stale run of ours that was reaped. */
  reaped: string[];
}

async function waitForPortFree(port: number): Promise<boolean> {
  const deadline = Date.now() + PORT_RELEASE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (await isPortFree(port)) return true;
    await new Promise((resolve) => setTimeout(resolve, PORT_RELEASE_POLL_MS));
  }
  return isPortFree(port);
}

function ownerOf(holder: PortHolder, identities: { demoId: string; identity: RunIdentity }[]): { demoId: string; identity: RunIdentity } | undefined {
  const table = readProcessTable();
  return identities.find(({ identity }) => findRunProcesses(identity, { table }).includes(holder.pid));
}

export async function ensurePortsFree(ports: number[], context: PortsContext): Promise<PortsResult> {
  const reaped: string[] = [];
  for (const port of ports) {
    if (await isPortFree(port)) continue;
    const holders = findPortHolders(port);
    if (holders.length === 0) return { reaped, error: new DemystifyError('PORT_IN_USE', stageMessages.portHeldByUnknown(port)) };

    const live = context.liveRuns();
    const stale = context.registry.list().filter((record) => isOrphanRecord(record, { isLiveRun: context.isLiveRun }));
    const staleIdentities = stale.map((record) => ({ demoId: record.demoId, identity: record }));
    const strangers: PortHolder[] = [];
    const toReap = new Set<string>();
    for (const holder of holders) {
      const demo = ownerOf(holder, live);
      if (demo !== undefined) return { reaped, error: new DemystifyError('PORT_IN_USE', stageMessages.portHeldByDemo(port, demo.demoId, holder.pid)) };
      const ours = ownerOf(holder, staleIdentities);
      if (ours === undefined) strangers.push(holder);
      else toReap.add(ours.identity.runId);
    }
    if (strangers.length > 0) {
      const named = strangers.map((holder) => `le pid ${holder.pid} (${holder.command})`);
      return { reaped, error: new DemystifyError('PORT_IN_USE', stageMessages.portHeldByStranger(port, named)) };
    }
    for (const record of stale.filter((entry) => toReap.has(entry.runId))) {
      const result = await reapRun(record, { registry: context.registry, graceMs: context.graceMs });
      reaped.push(`${record.demoId} (pid ${result.pids.join(', ')})`);
    }
    if (!(await waitForPortFree(port))) return { reaped, error: new DemystifyError('PORT_IN_USE', stageMessages.portStillHeld(port)) };
  }
  return { reaped };
}
