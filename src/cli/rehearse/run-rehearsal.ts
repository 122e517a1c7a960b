// Runs a rehearsal's steps one after the other, as the speaker would click them, each to its
// settled state (a daemon ready, a command exited), timing each one, and stops at the first step
// that does not end well. Daemons keep running until the session closes (that is when their
// recordings are saved): the caller closes it.
import type { DemoKind, DemoSnapshot, DemoState } from '../../shared/index.ts';
import { stripTerminalCodes } from '../../orchestrator/index.ts';
import type { RehearsalStep } from './rehearsal-plan.ts';

export const OUTPUT_TAIL_LINES = 20;

export interface StepResult {
  id: string;
  kind: DemoKind;
  reason: RehearsalStep['reason'];
  /** Settled state: `ready` (daemon) or `exited`, else `failed`. */
  state: DemoState;
  ok: boolean;
  /** From the click to ready (daemon) or to exit (command). */
  seconds: number;
  exitCode?: number;
  signal?: string;
  code?: string;
  message?: string;
  /** The last lines of its output, terminal codes removed. */
  outputTail: string;
}

export interface RunRehearsalOptions {
  steps: readonly RehearsalStep[];
  /** Runs one demo to its settled state (the orchestrator's run). */
  run: (demoId: string) => Promise<DemoSnapshot>;
  now?: () => number;
  /** Told before each step starts and when it settled (progress on stderr). */
  onStep?: (step: RehearsalStep, result?: StepResult) => void;
  /** Stops before the next step (Ctrl-C). */
  isCancelled?: () => boolean;
}

export interface RehearsalOutcome {
  results: StepResult[];
  /** The step that did not end well, if any (the rehearsal stopped there). */
  failed?: StepResult;
}

export function isStepSuccess(kind: DemoKind, snapshot: DemoSnapshot): boolean {
  if (kind === 'daemon') return snapshot.state === 'ready';
  return snapshot.state === 'exited' && (snapshot.exitCode ?? 0) === 0 && snapshot.signal === undefined;
}

export function renderOutputTail(output: string, lines = OUTPUT_TAIL_LINES): string {
  const text = stripTerminalCodes(output).replace(/\r\n?/g, '\n').trimEnd();
  return text === '' ? '' : text.split('\n').slice(-lines).join('\n');
}

export async function runRehearsal({ steps, run, now = () => performance.now(), onStep, isCancelled = () => false }: RunRehearsalOptions): Promise<RehearsalOutcome> {
  const results: StepResult[] = [];
  for (const step of steps) {
    if (isCancelled()) break;
    onStep?.(step);
    const started = now();
    const snapshot = await run(step.demo.id);
    const ok = isStepSuccess(step.demo.kind, snapshot);
    const result: StepResult = {
      id: step.demo.id,
      kind: step.demo.kind,
      reason: step.reason,
      state: snapshot.state,
      ok,
      seconds: (now() - started) / 1000,
      ...(snapshot.exitCode === undefined ? {} : { exitCode: snapshot.exitCode }),
      ...(snapshot.signal === undefined ? {} : { signal: snapshot.signal }),
      ...(snapshot.code === undefined ? {} : { code: snapshot.code }),
      ...(snapshot.message === undefined ? {} : { message: snapshot.message }),
      outputTail: renderOutputTail(snapshot.output),
    };
    results.push(result);
    onStep?.(step, result);
    if (!ok) return { results, failed: result };
  }
  return { results };
}
