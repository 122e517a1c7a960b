// How a run ended, as asciicast markers (`exit 0`, `signal SIGTERM`) and header fields.

import type { DemoState } from '../shared/index.ts';
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
