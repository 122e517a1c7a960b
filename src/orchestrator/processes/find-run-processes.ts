// Every live process of one run — "the tree" — found three ways, so that neither a new process
// group, nor a new session (setsid, double fork), nor a dead parent hides one:
//   1. the leader, if it is still the same process (pid + start time);
//   2. its process group and its descendants (ppid chain);
//   3. any process whose environment carries DEMYSTIFY_RUN_ID=<runId>: every child inherits it.
// Only processes started at or after the leader are considered, which also keeps the scan cheap.
import { readProcessEnvironValue, readProcessTable, PROC_ROOT } from './read-process-table.ts';
import type { ProcessInfo } from './read-process-table.ts';

export const RUN_ID_ENV = 'DEMYSTIFY_RUN_ID';
export const DEMO_ID_ENV = 'DEMYSTIFY_DEMO_ID';

export interface RunIdentity {
  runId: string;
  /** The process the PTY started (bash, or sudo). */
  pid: number;
  /** Its start time in clock ticks since boot (/proc/<pid>/stat field 22). */
  startTime: number;
}

export interface FindRunProcessesOptions {
  procRoot?: string;
  /** A table already read (one scan for several runs). */
  table?: ProcessInfo[];
}

function addDescendants(roots: Iterable<number>, children: Map<number, number[]>, into: Set<number>): void {
  const queue = [...roots];
  while (queue.length > 0) {
    const pid = queue.pop() as number;
    for (const child of children.get(pid) ?? []) {
      if (!into.has(child)) {
        into.add(child);
        queue.push(child);
      }
    }
  }
}

export function findRunProcesses(identity: RunIdentity, { procRoot = PROC_ROOT, table }: FindRunProcessesOptions = {}): number[] {
  const candidates = (table ?? readProcessTable(procRoot)).filter((info) => info.startTime >= identity.startTime && info.pid !== process.pid);
  const children = new Map<number, number[]>();
  for (const info of candidates) children.set(info.ppid, [...(children.get(info.ppid) ?? []), info.pid]);

  const found = new Set<number>();
  const leader = candidates.find((info) => info.pid === identity.pid && info.startTime === identity.startTime);
  if (leader !== undefined) {
    found.add(leader.pid);
    for (const info of candidates) if (info.pgrp === leader.pid) found.add(info.pid);
  }
  for (const info of candidates) {
    if (!found.has(info.pid) && readProcessEnvironValue(info.pid, RUN_ID_ENV, procRoot) === identity.runId) found.add(info.pid);
  }
  addDescendants([...found], children, found);
  return [...found].sort((a, b) => a - b);
}
