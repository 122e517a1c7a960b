// `demystify reset`, as one function: stop what the orchestrator started (its run records), put
// the node back (our containerd emptied through its socket, mounts, the conflist we installed),
// then remove from the workspace what the steps and the preparation made — never anything else.
// Nothing is touched while another orchestrator (a `demystify serve`) still owns runs, unless
// `force`: then its demos are stopped under it.
import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { createPidRegistry, GRACE_MS, reapOrphans } from '../../orchestrator/index.ts';
import type { ReapedRun, RunRecord } from '../../orchestrator/index.ts';
import { resetWorkspace, WORKSPACE_RECORD_FILE } from '../../workspace/index.ts';
import { findContainerdRunIds, findLiveOwners, PROC_ROOT } from './run-records.ts';
import type { LiveOwner } from './run-records.ts';
import { resetNode } from './reset-node.ts';
import type { NodeResetOptions, NodeResetReport } from './reset-node.ts';
import { removeBinaryLinks, removeStateDir, removeStepOutputs, STATE_DIR } from './step-outputs.ts';
import type { RemovalReport } from './step-outputs.ts';

export interface ResetOptions {
  /** Absolute. */
  workspace: string;
  /** Stop the demos of a live orchestrator too. */
  force?: boolean;
  graceMs?: number;
  procRoot?: string;
  isRoot?: boolean;
  cleanup?: NodeResetOptions['cleanup'];
}

export type ResetReport =
  | { workspace: string; outcome: 'absent' }
  | { workspace: string; outcome: 'blocked'; owners: LiveOwner[] }
  | { workspace: string; outcome: 'done'; stopped: ReapedRun[]; node: NodeResetReport; removed: string[]; kept: RemovalReport['kept']; problems: string[] };

type PidRegistry = ReturnType<typeof createPidRegistry>;

/** The same registry, listing only some records (the others wait for their turn). */
function selectRecords(registry: PidRegistry, keep: (record: RunRecord) => boolean): PidRegistry {
  return { directory: registry.directory, record: registry.record, remove: registry.remove, list: () => registry.list().filter(keep) };
}

/** Signals what runs as root when we are not (runs started through sudo). */
async function signalWithSudo(signal: 'SIGTERM' | 'SIGKILL', pids: number[]): Promise<void> {
  await execa('sudo', ['-n', 'kill', '-s', signal.replace(/^SIG/, ''), '--', ...pids.map(String)], { reject: false, stdin: 'ignore', timeout: 5_000 });
}

export async function runReset(options: ResetOptions): Promise<ResetReport> {
  const { workspace, force = false, graceMs = GRACE_MS, procRoot = PROC_ROOT, isRoot = process.getuid?.() === 0 } = options;
  if (!(await access(workspace).then(() => true, () => false))) return { workspace, outcome: 'absent' };
  const registry = createPidRegistry(join(workspace, STATE_DIR));
  const owners = findLiveOwners(registry.list(), procRoot);
  if (owners.length > 0 && !force) return { workspace, outcome: 'blocked', owners };

  const reap = (keep: (record: RunRecord) => boolean): Promise<ReapedRun[]> =>
    reapOrphans({ registry: selectRecords(registry, keep), force: true, graceMs, procRoot, ...(isRoot ? {} : { signalAsRoot: signalWithSudo }) });
  // containerd last: its tasks and sandboxes go through its socket first. The kubelet goes before (it would recreate pods).
  const containerdRuns = findContainerdRunIds(registry.list(), procRoot);
  const stopped = await reap((record) => !containerdRuns.has(record.runId));
  const node = await resetNode({
    workspace,
    ...(containerdRuns.size === 0 ? {} : { stopContainerd: async () => void stopped.push(...(await reap((record) => containerdRuns.has(record.runId)))) }),
    ...(options.cleanup === undefined ? {} : { cleanup: options.cleanup }),
  });
  stopped.push(...(await reap(() => true)));
  const problems = [...node.problems];
  for (const run of stopped) if (run.survivors.length > 0) problems.push(`${run.demoId}: pids ${run.survivors.join(', ')} still alive after SIGKILL`);

  const files: RemovalReport = { removed: [], kept: [] };
  await removeStepOutputs(workspace, files);
  await removeBinaryLinks(workspace, files);
  await removeStateDir(workspace, files);
  const prepared = await resetWorkspace({ workspace });
  files.removed.push(...prepared.removed);
  const changed = new Set(prepared.kept);
  for (const path of prepared.kept) files.kept.push({ path, reason: path.endsWith('/') ? 'not empty' : 'changed since it was prepared' });
  // Whatever else is left at the top was not made by demystify (but for the record of what was kept).
  for (const name of await readdir(workspace).catch(() => [] as string[])) {
    if (changed.has(name) || changed.has(`${name}/`) || files.kept.some((entry) => entry.path === name || entry.path === `${name}/`)) continue;
    files.kept.push({ path: name, reason: name === WORKSPACE_RECORD_FILE ? 'still lists what was kept' : 'not made by demystify' });
  }
  return { workspace, outcome: 'done', stopped, node, removed: files.removed.sort(), kept: files.kept, problems };
}
