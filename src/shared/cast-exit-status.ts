// How a run ended, as asciicast markers (`exit 0`, `signal SIGTERM`) and header fields, and the
// final state a replay of it ends in.

import type { DemoState } from './events.ts';
import type { Cast } from './cast-types.ts';

export interface CastExitStatus {
  exitCode: number | null;
  signal: string | null;
  /** The run's final state when it was recorded; absent in recordings that predate it. */
  state?: 'exited' | 'failed';
}

export const READY_MARKER = 'ready';

const EXIT_MARKER_PATTERN = /^(?:exit (-?\d{1,4})|signal (SIG[A-Z0-9+-]{1,12}))$/;

export function renderExitMarker({ exitCode, signal }: CastExitStatus): string {
  if (signal) return `signal ${signal}`;
  return `exit ${exitCode ?? 0}`;
}

/** `exit 1` → { exitCode: 1 }, `signal SIGKILL` → { signal }, anything else → undefined. */
export function parseExitMarker(label: string): CastExitStatus | undefined {
  const match = EXIT_MARKER_PATTERN.exec(label);
  if (!match) return undefined;
  if (match[1] !== undefined) return { exitCode: Number(match[1]), signal: null };
  return { exitCode: null, signal: match[2] ?? null };
}

export function isFinalState(state: DemoState): state is 'exited' | 'failed' {
  return state === 'exited' || state === 'failed';
}

/** The recorded exit status: the header's fields first, else the last exit marker. */
export function parseCastExitStatus(cast: Cast): CastExitStatus | undefined {
  const meta = cast.header.demystify;
  const state = meta?.state && isFinalState(meta.state) ? meta.state : undefined;
  if (meta && (typeof meta.exitCode === 'number' || typeof meta.signal === 'string')) {
    return { exitCode: meta.exitCode ?? null, signal: meta.signal ?? null, ...(state ? { state } : {}) };
  }
  for (let index = cast.events.length - 1; index >= 0; index -= 1) {
    const event = cast.events[index];
    if (event?.code !== 'm') continue;
    const status = parseExitMarker(event.data);
    if (status) return { ...status, ...(state ? { state } : {}) };
  }
  return undefined;
}

/** The state a replay ends in, from the recorded exit status (what the live run ended with). */
export interface CastEnding {
  state: 'exited' | 'failed';
  durationMs: number;
  exitCode?: number;
  signal?: string;
  code?: string;
  message?: string;
}

export function resolveCastEnding(cast: Cast): CastEnding {
  const exit = parseCastExitStatus(cast);
  const truncated = cast.header.demystify?.truncated === true || cast.trimmed;
  const failed = exit?.state === 'failed' || (exit?.state === undefined && exit !== undefined && exit.exitCode !== 0 && exit.exitCode !== null);
  return {
    state: failed ? 'failed' : 'exited',
    durationMs: Math.round((cast.events.at(-1)?.t ?? 0) * 1000),
    ...(exit?.exitCode === null || exit?.exitCode === undefined ? {} : { exitCode: exit.exitCode }),
    ...(exit?.signal ? { signal: exit.signal } : {}),
    ...(failed && exit?.exitCode ? { code: 'NONZERO_EXIT' } : {}),
    ...(truncated ? { message: 'The recording was truncated: what follows its last line was not recorded.' } : {}),
    ...(!exit && !truncated ? { message: 'The recording ends without an exit status.' } : {}),
  };
}

/** Wall clock (ms since epoch) of the recording's start, from its header. */
export function readCastRecordedAt(cast: Cast): number | undefined {
  const { timestamp } = cast.header;
  return timestamp === undefined ? undefined : timestamp * 1000;
}
