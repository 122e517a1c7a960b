// What a recording shows when nobody plays it (the exports, a standalone page before Run): its
// output up to where a replay of it holds, and the state it shows there. A daemon's replay holds at
// `ready` (the live daemon stays up there; what the rehearsal recorded after, down to its stop, is
// not the talk); a command plays to its end. One rule for the server's replay, the page's replay
// and the exports, so the three show the same screen.
import { READY_MARKER, readCastRecordedAt, resolveCastEnding } from './cast-exit-status.ts';
import type { Cast } from './cast-types.ts';
import type { DemoKind } from './demo.ts';

export interface RecordedOutcome {
  /** The recorded output up to the hold (all of it for a command). */
  output: string;
  state: 'ready' | 'exited' | 'failed';
  exitCode?: number;
  signal?: string;
  durationMs?: number;
  code?: string;
  message?: string;
  recordedAt?: number;
}

/** The markers a replay of this kind of demo holds at (`--pause-on`; daemons only). */
export function selectHoldMarkers(kind: DemoKind | undefined, pauseOn: readonly string[] = [READY_MARKER]): readonly string[] {
  return kind === 'daemon' ? pauseOn : [];
}

export function selectRecordedOutcome(cast: Cast, holdAt: readonly string[] = []): RecordedOutcome {
  const recordedAt = readCastRecordedAt(cast);
  const at = recordedAt === undefined ? {} : { recordedAt };
  let output = '';
  for (const event of cast.events) {
    if (event.code === 'o') output += event.data;
    else if (event.data === READY_MARKER && holdAt.includes(READY_MARKER)) {
      return { output, state: 'ready', durationMs: Math.round(event.t * 1000), ...at };
    }
  }
  return { output, ...resolveCastEnding(cast), ...at };
}
