// How a run ended, from what happened (exit code or signal, a stop request, a missed deadline, a
// failed readiness wait) to the terminal status the speaker sees. Pure: one table of cases.
import type { DemoDefinition } from '../../shared/index.ts';
import type { PtyExit } from '../processes/index.ts';
import { stageMessages } from '../stage-messages.ts';
import type { RunStatus } from './run-view.ts';

export interface EndingInput {
  demo: DemoDefinition;
  exit: PtyExit;
  /** A failure decided before the exit (deadline missed, post-check failed). */
  failure?: { code: string; message: string };
  /** The daemon had been ready. */
  wasReady: boolean;
  /** What the readiness wait awaited (the probe's description). */
  awaited?: string;
  /** Set when the user asked to stop: how long ago. */
  stopElapsedMs?: number;
  /** The last signal we sent. */
  lastSignal?: string;
  durationMs: number;
  lastLines: string[];
}

export function decideEnding({ demo, exit, failure, wasReady, awaited, stopElapsedMs, lastSignal, durationMs, lastLines }: EndingInput): RunStatus {
  const { signal } = exit;
  const exitCode = signal === undefined ? exit.exitCode : undefined;
  const ended = { durationMs, ...(exitCode !== undefined && { exitCode }), ...(signal !== undefined && { signal }) };
  const clean = signal === undefined && exitCode === 0;

  if (stopElapsedMs !== undefined) {
    const shown = signal ?? lastSignal;
    return { state: 'exited', ...ended, ...(shown !== undefined && { signal: shown }), message: stageMessages.stopped(shown, stopElapsedMs) };
  }
  if (failure !== undefined) return { state: 'failed', ...ended, code: failure.code, message: failure.message };
  if (demo.kind === 'command') {
    if (clean) return { state: 'exited', ...ended };
    return { state: 'failed', ...ended, code: 'NONZERO_EXIT', message: stageMessages.commandFailed(demo.id, exitCode, signal, lastLines) };
  }
  if (!wasReady) {
    const message = stageMessages.exitedBeforeReady(demo.id, exitCode, signal, awaited ?? stageMessages.itsStart(), lastLines);
    return { state: 'failed', ...ended, code: 'EXITED_BEFORE_READY', message };
  }
  const message = stageMessages.daemonDied(demo.id, exitCode, signal, lastLines);
  return clean ? { state: 'exited', ...ended, message } : { state: 'failed', ...ended, code: 'NONZERO_EXIT', message };
}
