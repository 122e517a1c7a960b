// Attempts a probe every PROBE_INTERVAL_MS, each attempt with its own short timeout, until it is
// ready, the deadline passes, or `until` settles (the process exited, or the run was stopped):
// a wait never outlives what it waits for. The outcome carries the last attempt's detail, so the
// message can say what was awaited, for how long, and what was seen.
import { probeMessages } from '../stage-messages.ts';
import type { Probe, ProbeContext } from './probe.ts';

export const PROBE_INTERVAL_MS = 100;
export const PROBE_ATTEMPT_TIMEOUT_MS = 2_000;

export type ProbeOutcome =
  | { status: 'ready'; detail: string; elapsedMs: number }
  | { status: 'timeout'; detail: string; elapsedMs: number }
  | { status: 'ended'; detail: string; elapsedMs: number };

export interface WaitForProbeOptions {
  probe: Probe;
  context: Omit<ProbeContext, 'signal' | 'wake'>;
  timeoutMs: number;
  until: Promise<unknown>;
  intervalMs?: number;
  attemptTimeoutMs?: number;
}

export async function waitForProbe({ probe, context, timeoutMs, until, intervalMs = PROBE_INTERVAL_MS, attemptTimeoutMs = PROBE_ATTEMPT_TIMEOUT_MS }: WaitForProbeOptions): Promise<ProbeOutcome> {
  const started = performance.now();
  const elapsed = (): number => performance.now() - started;
  let ended = false;
  let wakeUp: () => void = () => undefined;
  const endedPromise = until.then(() => {
    ended = true;
    wakeUp();
  });
  let detail = probeMessages.nothingYet(probe.description);
  let attempts = 0;
  try {
    for (;;) {
      if (ended) return { status: 'ended', detail, elapsedMs: elapsed() };
      const left = timeoutMs - elapsed();
      if (left <= 0) return { status: 'timeout', detail, elapsedMs: elapsed() };

      const controller = new AbortController();
      // An attempt cut short by the overall deadline says less than the previous one: keep that.
      const cutByDeadline = attemptTimeoutMs >= left;
      const attemptTimer = setTimeout(() => controller.abort(), Math.min(attemptTimeoutMs, left));
      const woken = new Promise<void>((resolve) => {
        wakeUp = resolve;
      });
      const attempt = probe.check({ ...context, signal: controller.signal, wake: () => wakeUp() });
      const result = await Promise.race([attempt, endedPromise.then(() => undefined)]);
      clearTimeout(attemptTimer);
      if (result === undefined) {
        controller.abort();
        continue;
      }
      if (result.ready || !(cutByDeadline && controller.signal.aborted && attempts > 0)) detail = result.detail;
      attempts += 1;
      if (result.ready) return { status: 'ready', detail, elapsedMs: elapsed() };

      const pause = Math.min(intervalMs, timeoutMs - elapsed());
      if (pause > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([new Promise<void>((resolve) => (timer = setTimeout(resolve, pause))), woken, endedPromise]);
        clearTimeout(timer);
      }
    }
  } finally {
    probe.dispose?.();
  }
}
