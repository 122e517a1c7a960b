// A recording played back as one more source of DemoEvents: `replaying` at the start, the
// recorded output and markers at their recorded times (scaled, idle-capped), then `exited` or
// `failed` from the recorded exit status. Every event is scheduled against the replay's start
// (no drift), and events that fall due in the same tick go out together, consecutive output
// merged, so 1000× speed stays cheap.

import type { DemoEvent, MarkerEvent, StateEvent } from './events.ts';
import { isDemoId } from './demo.ts';
import { DemystifyError } from './errors.ts';
import { readCastRecordedAt, resolveCastEnding } from './cast-exit-status.ts';
import type { Cast } from './cast-types.ts';
import { createReplayTimeline } from './replay-timeline.ts';
import { type ReplayClock, systemReplayClock } from './replay-clock.ts';

/** Longest pause a replay keeps when neither the caller nor the recording says (seconds). */
export const DEFAULT_IDLE_CAP_S = 3;

/** Output merged into one event when several fall due in the same tick, at most this long. */
export const MAX_MERGED_OUTPUT_CHARS = 64 * 1024;

export type ReplayStatus = 'idle' | 'playing' | 'paused' | 'ended' | 'stopped';

export interface ReplayOptions {
  /** Defaults to the recording's `demystify.demoId`. */
  demoId?: string;
  runId?: string;
  speed?: number;
  /** Longest idle gap kept, in recorded seconds; defaults to the header's idle_time_limit. */
  idleCapS?: number;
  /** Pause after emitting a marker: every marker (true) or those with these labels. */
  pauseOnMarkers?: boolean | readonly string[];
  onEvent: (event: DemoEvent) => void;
  onPause?: (marker: MarkerEvent) => void;
  clock?: ReplayClock;
  /** Wall clock for StateEvent.at. */
  wallNow?: () => number;
}

export interface ReplayResult {
  reason: 'ended' | 'stopped';
  emittedEvents: number;
}

export interface Replay {
  readonly runId: string;
  readonly status: ReplayStatus;
  /** Replay duration in milliseconds at the chosen speed and idle cap. */
  readonly durationMs: number;
  start(): void;
  pause(): void;
  resume(): void;
  /** Emits everything left at once, then the final state. */
  seekToEnd(): void;
  /** Stops without a final state event (the caller reports why). */
  stop(): void;
  readonly done: Promise<ReplayResult>;
}

export function createReplay(cast: Cast, options: ReplayOptions): Replay {
  const { speed = 1, pauseOnMarkers = false, onEvent, onPause, clock = systemReplayClock, wallNow = Date.now } = options;
  const demoId = options.demoId ?? cast.header.demystify?.demoId;
  if (!isDemoId(demoId)) throw new DemystifyError('BAD_INPUT', `Expected a demo id for the replay of ${cast.file ?? 'a recording'}, got ${JSON.stringify(demoId)}.`);
  const runId = options.runId ?? `replay-${globalThis.crypto.randomUUID()}`;
  const { events } = cast;
  const recordedAt = readCastRecordedAt(cast);
  const dueMs = createReplayTimeline(events, { speed, idleCapS: options.idleCapS ?? cast.header.idle_time_limit });
  const shouldPauseAt = (label: string): boolean => (Array.isArray(pauseOnMarkers) ? pauseOnMarkers.includes(label) : pauseOnMarkers === true);
  let status: ReplayStatus = 'idle';
  let next = 0;
  let origin = 0;
  let pausedAtMs = 0;
  let timer: unknown;
  let emitted = 0;
  let settle: (result: ReplayResult) => void = () => undefined;
  const done = new Promise<ReplayResult>((resolve) => {
    settle = resolve;
  });

  function emit(event: DemoEvent): void {
    emitted += 1;
    onEvent(event);
  }

  function emitState(event: Omit<StateEvent, 'type' | 'demoId' | 'runId' | 'source' | 'at'>): void {
    emit({ type: 'state', demoId: demoId as string, runId, source: 'replay', at: wallNow(), ...(recordedAt === undefined ? {} : { recordedAt }), ...event });
  }

  /** Emits events due by `untilMs`; returns the marker it paused at, if any. */
  function emitDue(untilMs: number, honourPauses: boolean): MarkerEvent | undefined {
    let merged = '';
    let mergedT = 0;
    const flush = (): void => {
      if (merged !== '') emit({ type: 'output', demoId: demoId as string, runId, t: mergedT, data: merged });
      merged = '';
    };
    while (next < events.length && (dueMs[next] ?? 0) <= untilMs) {
      const event = events[next++];
      if (!event) continue;
      if (event.code === 'o') {
        if (merged.length + event.data.length > MAX_MERGED_OUTPUT_CHARS) flush();
        merged += event.data;
        mergedT = event.t;
        continue;
      }
      flush();
      const marker: MarkerEvent = { type: 'marker', demoId: demoId as string, runId, t: event.t, label: event.data };
      emit(marker);
      if (honourPauses && shouldPauseAt(event.data)) return marker;
    }
    flush();
    return undefined;
  }

  function end(): void {
    status = 'ended';
    emitState(resolveCastEnding(cast));
    settle({ reason: 'ended', emittedEvents: emitted });
  }

  function tick(): void {
    timer = undefined;
    if (status !== 'playing') return;
    const marker = emitDue(clock.now() - origin, true);
    if (marker) {
      status = 'paused';
      pausedAtMs = dueMs[next - 1] ?? 0;
      onPause?.(marker);
      return;
    }
    schedule();
  }

  function schedule(): void {
    if (next >= events.length) return end();
    const delay = (dueMs[next] ?? 0) - (clock.now() - origin);
    timer = clock.setTimer(tick, Math.max(0, Math.ceil(delay)));
  }

  function cancelTimer(): void {
    if (timer !== undefined) clock.clearTimer(timer);
    timer = undefined;
  }

  return {
    runId,
    get status() {
      return status;
    },
    durationMs: dueMs.length > 0 ? (dueMs[dueMs.length - 1] ?? 0) : 0,
    done,
    start() {
      if (status !== 'idle') return;
      status = 'playing';
      emitState({ state: 'replaying' });
      origin = clock.now();
      schedule();
    },
    pause() {
      if (status !== 'playing') return;
      cancelTimer();
      status = 'paused';
      pausedAtMs = clock.now() - origin;
    },
    resume() {
      if (status !== 'paused') return;
      status = 'playing';
      origin = clock.now() - pausedAtMs;
      schedule();
    },
    seekToEnd() {
      if (status === 'ended' || status === 'stopped') return;
      cancelTimer();
      if (status === 'idle') emitState({ state: 'replaying' });
      emitDue(Infinity, false);
      end();
    },
    stop() {
      if (status === 'ended' || status === 'stopped') return;
      cancelTimer();
      status = 'stopped';
      settle({ reason: 'stopped', emittedEvents: emitted });
    },
  };
}
