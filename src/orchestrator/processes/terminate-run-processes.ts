// The one stop policy: SIGTERM to the run's process group and to every process of its tree, wait
// up to the grace period for all of them to be gone, then SIGKILL the same way. A process we may
// not signal (EPERM: it runs as root through sudo) is signalled through `signalAsRoot`.
import { existsSync } from 'node:fs';
import { findRunProcesses } from './find-run-processes.ts';
import type { RunIdentity } from './find-run-processes.ts';
import { isProcessAlive, PROC_ROOT, readProcessInfo } from './read-process-table.ts';
import { waitForCondition } from './wait-for-condition.ts';

export const GRACE_MS = 5_000;
/** After SIGKILL, how long the kernel gets to tear the processes down. */
export const KILL_WAIT_MS = 3_000;

export type StopSignal = 'SIGTERM' | 'SIGKILL';

export interface TerminateOptions {
  identity: RunIdentity;
  graceMs?: number;
  /** Resolves when the leader has been reaped by its parent (node-pty); awaited with the tree. */
  leaderExited?: Promise<unknown>;
  /** Whether that already happened (a promise cannot be asked synchronously). */
  hasLeaderExited?: () => boolean;
  signalAsRoot?: (signal: StopSignal, pids: number[]) => Promise<void>;
  /** Told before each signal is sent (the run reports which one ended it). */
  onSignal?: (signal: StopSignal) => void;
  procRoot?: string;
}

export interface TerminateResult {
  /** The last signal sent; undefined when nothing was left to stop. */
  signal: StopSignal | undefined;
  /** Processes still alive after SIGKILL (should be empty). */
  survivors: number[];
}

/** Without /proc (macOS) there is no identity to check: the group is ours while its leader is unreaped. */
const HAS_PROC = existsSync(`${PROC_ROOT}/self/stat`);

async function sendSignal(options: TerminateOptions, signal: StopSignal, pids: number[], leaderDone: boolean): Promise<void> {
  const { identity } = options;
  const denied: number[] = [];
  options.onSignal?.(signal);
  const groupIsOurs = HAS_PROC || options.procRoot !== undefined ? isProcessAlive(identity.pid, identity.startTime, options.procRoot) : !leaderDone;
  if (groupIsOurs) {
    try {
      process.kill(-identity.pid, signal);
    } catch {
      // The group may be gone already, or not ours to signal: the per-process pass below covers it.
    }
  }
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EPERM') denied.push(pid);
    }
  }
  if (denied.length > 0 && options.signalAsRoot) await options.signalAsRoot(signal, denied).catch(() => undefined);
}

export async function terminateRunProcesses(options: TerminateOptions): Promise<TerminateResult> {
  const { identity, graceMs = GRACE_MS, procRoot } = options;
  let settled = options.leaderExited === undefined;
  void options.leaderExited?.then(() => {
    settled = true;
  });
  const leaderDone = (): boolean => settled || options.hasLeaderExited?.() === true;
  // Once found, a process stays ours by pid + start time: a dying process loses its environment
  // (so its tag) before it is gone, and must not be counted gone too early.
  const known = new Map<number, number>();
  const remaining = (): number[] => {
    for (const pid of findRunProcesses(identity, { procRoot })) {
      const startTime = known.has(pid) ? undefined : readProcessInfo(pid, procRoot)?.startTime;
      if (startTime !== undefined) known.set(pid, startTime);
    }
    return [...known].filter(([pid, startTime]) => isProcessAlive(pid, startTime, procRoot)).map(([pid]) => pid);
  };
  const gone = (): boolean => leaderDone() && remaining().length === 0;

  const first = remaining();
  if (first.length === 0 && leaderDone() && !isProcessAlive(identity.pid, identity.startTime, procRoot)) {
    return { signal: undefined, survivors: [] };
  }
  await sendSignal(options, 'SIGTERM', first, leaderDone());
  if (await waitForCondition(gone, graceMs, undefined, options.leaderExited)) return { signal: 'SIGTERM', survivors: [] };

  await sendSignal(options, 'SIGKILL', remaining(), leaderDone());
  await waitForCondition(gone, KILL_WAIT_MS, undefined, options.leaderExited);
  return { signal: 'SIGKILL', survivors: remaining() };
}
