// What a previous orchestrator left running (it was SIGKILLed, or its machine slept through a
// Ctrl-C): every recorded run whose owner is gone is stopped with the usual policy, and only
// processes proven ours are touched — the recorded leader if pid AND start time match, and
// processes carrying the run's DEMYSTIFY_RUN_ID (a random id no stranger has).
import type { PidRegistry, RunRecord } from './create-pid-registry.ts';
import { findRunProcesses } from './find-run-processes.ts';
import { isProcessAlive } from './read-process-table.ts';
import { terminateRunProcesses } from './terminate-run-processes.ts';
import type { StopSignal } from './terminate-run-processes.ts';

export interface ReapedRun {
  runId: string;
  demoId: string;
  /** The processes found and stopped. */
  pids: number[];
  /** Still alive after SIGKILL (the record is kept for the next attempt). */
  survivors: number[];
}

export interface ReapOptions {
  registry: PidRegistry;
  graceMs?: number;
  /** Also reap runs whose orchestrator is still alive (`demystify reset`). */
  force?: boolean;
  /** Runs of the calling orchestrator: never reaped. */
  isLiveRun?: (runId: string) => boolean;
  signalAsRoot?: (signal: StopSignal, pids: number[]) => Promise<void>;
  procRoot?: string;
}

export function isOrphanRecord(record: RunRecord, options: Pick<ReapOptions, 'force' | 'isLiveRun' | 'procRoot'>): boolean {
  if (options.isLiveRun?.(record.runId)) return false;
  return options.force === true || !isProcessAlive(record.owner.pid, record.owner.startTime, options.procRoot);
}

export async function reapRun(record: RunRecord, options: Omit<ReapOptions, 'force' | 'isLiveRun'>): Promise<ReapedRun> {
  const pids = findRunProcesses(record, { procRoot: options.procRoot });
  let survivors: number[] = [];
  if (pids.length > 0) {
    const result = await terminateRunProcesses({
      identity: record,
      graceMs: options.graceMs,
      signalAsRoot: record.viaSudo ? options.signalAsRoot : undefined,
      procRoot: options.procRoot,
    });
    survivors = result.survivors;
  }
  if (survivors.length === 0) options.registry.remove(record.runId);
  return { runId: record.runId, demoId: record.demoId, pids, survivors };
}

export async function reapOrphans(options: ReapOptions): Promise<ReapedRun[]> {
  const orphans = options.registry.list().filter((record) => isOrphanRecord(record, options));
  const reaped = await Promise.all(orphans.map((record) => reapRun(record, options)));
  return reaped.filter((run) => run.pids.length > 0);
}
