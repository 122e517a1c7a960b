// The asciicast v2 shapes we read and write (https://docs.asciinema.org/manual/asciicast/v2/).
// Our own run metadata lives under one prefixed header key, `demystify`: players ignore keys
// they do not know (asciinema 2.2 reads the header with dict.get, asciinema-player reads only
// width, height and idle_time_limit).

import type { DemoState, RunSource } from './events.ts';

export const CAST_VERSION = 2;
export const CAST_META_KEY = 'demystify';
export const CAST_FILE_EXTENSION = '.cast';
/** The command that re-creates every recording, quoted in every recording error. */
export const RECORD_COMMAND = 'npx demystify rehearse';

/** Our fields in the header, under `demystify`. Unknown to other players, ignored by them. */
export interface CastMeta {
  demoId?: string;
  source?: RunSource;
  /** Exit code of the recorded run; null when it ended by a signal or has not ended. */
  exitCode?: number | null;
  signal?: string | null;
  /** Final state of the recorded run (`exited` or `failed`). */
  state?: DemoState | null;
  /** True when the recording stops early (disk full, write error, disk too slow, size cap). */
  truncated?: boolean;
}

export interface CastHeader {
  version: 2;
  width: number;
  height: number;
  /** Unix time (seconds) of the recording's start. */
  timestamp?: number;
  /** Seconds, when known. */
  duration?: number;
  idle_time_limit?: number;
  title?: string;
  command?: string;
  env?: Record<string, string>;
  demystify?: CastMeta;
}

/** The event codes we keep. `i` (input) and `r` (resize) are skipped, other codes ignored. */
export type CastEventCode = 'o' | 'm';

/** One `[t, code, data]` line: output (`o`) or marker (`m`). Times never decrease. */
export interface CastEvent {
  t: number;
  code: CastEventCode;
  data: string;
}

/** A parsed recording: strict header, tolerant events. */
export interface Cast {
  /** Where it was read from, when it came from a file. */
  file?: string;
  header: CastHeader;
  events: CastEvent[];
  /** What was skipped, clamped or trimmed, each naming the line. */
  warnings: string[];
  /** True when events of the file are missing from `events` (half-written tail, size caps). */
  trimmed: boolean;
}
