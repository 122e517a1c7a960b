// Reading the orchestrator's run records (<stateDir>/runs/*.json) for `reset`: which records
// belong to an orchestrator that still runs (a `demystify serve` not stopped), and which run is
// a containerd (it must outlive the others, so that its tasks go through its own socket).
// Read-only: /proc only, nothing is signalled here.
import { readdirSync, readFileSync } from 'node:fs';
import { PROC_ROOT, RUN_ID_ENV, readProcessEnvironValue, readProcessInfo } from '../../orchestrator/index.ts';
import type { RunRecord } from '../../orchestrator/index.ts';

export { PROC_ROOT };

export interface LiveOwner {
  pid: number;
  /** The demos its recorded runs belong to, in start order. */
  demoIds: string[];
}

/** Start time (clock ticks since boot, field 22 of /proc/<pid>/stat) of a live, non-zombie process. */
export function readStartTime(pid: number, procRoot = PROC_ROOT): number | undefined {
  const info = readProcessInfo(pid, procRoot);
  return info === undefined || info.state === 'Z' || info.state === 'X' ? undefined : info.startTime;
}

/** The orchestrators (pid + start time) still alive that recorded these runs. */
export function findLiveOwners(records: readonly RunRecord[], procRoot = PROC_ROOT): LiveOwner[] {
  const owners = new Map<number, LiveOwner>();
  for (const record of records) {
    const { pid, startTime } = record.owner;
    if (pid === process.pid || readStartTime(pid, procRoot) !== startTime) continue;
    const owner = owners.get(pid) ?? { pid, demoIds: [] };
    owner.demoIds.push(record.demoId);
    owners.set(pid, owner);
  }
  return [...owners.values()];
}

function readComm(pid: string, procRoot: string): string | undefined {
  try {
    return readFileSync(`${procRoot}/${pid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** Run ids of the records whose run has a live `containerd` process (its env carries the run id). */
export function findContainerdRunIds(records: readonly RunRecord[], procRoot = PROC_ROOT): Set<string> {
  const wanted = new Set(records.map((record) => record.runId));
  const found = new Set<string>();
  if (wanted.size === 0) return found;
  for (const pid of readdirSync(procRoot).filter((entry) => /^\d+$/.test(entry))) {
    if (readComm(pid, procRoot) !== 'containerd') continue;
    const runId = readProcessEnvironValue(Number(pid), RUN_ID_ENV, procRoot);
    if (runId !== undefined && wanted.has(runId)) found.add(runId);
  }
  return found;
}
