// When each event of a recording is due, in milliseconds from the replay's start: recorded
// time, with idle gaps longer than `idleCapS` shortened to it (as asciinema does), divided by
// the speed factor. Computed once, so scheduling never accumulates drift.

import type { CastEvent } from './cast-types.ts';

export interface ReplayTimelineOptions {
  speed?: number;
  /** Longest pause kept between two events, in recorded seconds; no cap when absent. */
  idleCapS?: number;
}

export function createReplayTimeline(events: readonly CastEvent[], { speed = 1, idleCapS }: ReplayTimelineOptions = {}): Float64Array {
  const factor = Number.isFinite(speed) && speed > 0 ? speed : 1;
  const cap = idleCapS !== undefined && idleCapS >= 0 ? idleCapS : Infinity;
  const dueMs = new Float64Array(events.length);
  let previous = 0;
  let shift = 0;
  for (let index = 0; index < events.length; index += 1) {
    const t = events[index]?.t ?? previous;
    const gap = t - previous;
    if (gap > cap) shift += gap - cap;
    previous = t;
    dueMs[index] = ((t - shift) / factor) * 1000;
  }
  return dueMs;
}
