// Between spawn and exit: a daemon waits for its probe (deadline, or the process exits, or a stop
// is asked), then for its exit; a command waits for its exit under a deadline, then runs its
// post-check. Returns the exit and any failure decided on the way; never throws.
import type { DemoDefinition } from '../../shared/index.ts';
import { waitForProbe } from '../probes/index.ts';
import type { Probe, ProbeContext } from '../probes/index.ts';
import type { PtyExit } from '../processes/index.ts';
import { stageMessages } from '../stage-messages.ts';

export interface SuperviseOptions {
  demo: DemoDefinition;
  probe?: Probe;
  probeContext: Omit<ProbeContext, 'signal' | 'wake'>;
  exited: Promise<PtyExit>;
  stopAsked: Promise<void>;
  isStopRequested: () => boolean;
  intervalMs: number;
  attemptTimeoutMs: number;
  /** The daemon is ready (the run emits the marker and the state). */
  onReady: () => void;
  /** A command's post-check passed (marker only). */
  onChecked: () => void;
  /** Stop the run's processes (deadline missed). */
  terminate: () => void;
}

export interface SuperviseResult {
  exit: PtyExit;
  failure?: { code: string; message: string };
  awaited?: string;
}

async function superviseDaemon(options: SuperviseOptions): Promise<SuperviseResult> {
  const { demo, probe } = options;
  let failure: SuperviseResult['failure'];
  if (probe === undefined) options.onReady();
  else {
    const outcome = await waitForProbe({
      probe,
      context: options.probeContext,
      timeoutMs: demo.timeoutMs,
      until: Promise.race([options.exited, options.stopAsked]),
      intervalMs: options.intervalMs,
      attemptTimeoutMs: options.attemptTimeoutMs,
    });
    if (outcome.status === 'ready') options.onReady();
    else if (outcome.status === 'timeout' && !options.isStopRequested()) {
      failure = { code: 'READY_TIMEOUT', message: stageMessages.notReadyInTime(demo.id, demo.timeoutMs, outcome.detail) };
      options.terminate();
    }
  }
  return { exit: await options.exited, ...(failure && { failure }), ...(probe && { awaited: probe.description }) };
}

async function superviseCommand(options: SuperviseOptions): Promise<SuperviseResult> {
  const { demo, probe } = options;
  let failure: SuperviseResult['failure'];
  const deadline = setTimeout(() => {
    if (options.isStopRequested()) return;
    failure = { code: 'READY_TIMEOUT', message: stageMessages.commandTooLong(demo.id, demo.timeoutMs) };
    options.terminate();
  }, demo.timeoutMs);
  const exit = await options.exited;
  clearTimeout(deadline);
  const clean = exit.signal === undefined && exit.exitCode === 0;
  if (probe !== undefined && clean && failure === undefined && !options.isStopRequested()) {
    const outcome = await waitForProbe({
      probe,
      context: options.probeContext,
      timeoutMs: demo.timeoutMs,
      until: options.stopAsked,
      intervalMs: options.intervalMs,
      attemptTimeoutMs: options.attemptTimeoutMs,
    });
    if (outcome.status === 'ready') options.onChecked();
    else if (outcome.status === 'timeout') failure = { code: 'READY_TIMEOUT', message: stageMessages.postCheckFailed(demo.id, demo.timeoutMs, outcome.detail) };
  }
  return { exit, ...(failure && { failure }) };
}

export function superviseRun(options: SuperviseOptions): Promise<SuperviseResult> {
  return options.demo.kind === 'daemon' ? superviseDaemon(options) : superviseCommand(options);
}
