// The recorder is a tee of one run's live event stream: output → `[t, "o", data]`,
// marker → `[t, "m", label]`, and the run's `ready` and final states become markers too
// (`ready`, `exit 0`, `signal SIGTERM`), without duplicates when the orchestrator already sent
// them. `record` never throws and never blocks; a full or slow disk only truncates the recording.

import type { DemoEvent } from '../shared/index.ts';
import { type CastExitStatus, isFinalState, parseExitMarker, READY_MARKER, renderExitMarker } from '../shared/index.ts';
import { renderCastEventLine } from './cast-event-line.ts';
import { type CastFileSystem, nodeCastFileSystem } from './cast-file-system.ts';
import { createCastFileSink } from './cast-file-sink.ts';
import { createCastHeader, renderCastHeaderLine } from './cast-header.ts';
import { createCastTempPath, resolveCastPath } from './cast-path.ts';
import type { CastMeta } from '../shared/index.ts';
import { removeStaleCastTemps } from './stale-cast-temps.ts';

export const DEFAULT_MAX_QUEUE_BYTES = 16 * 1024 * 1024;
export const DEFAULT_MAX_RECORDING_BYTES = 512 * 1024 * 1024;
/** Room left in the header line for the fields known only at the end (exit status, duration). */
const HEADER_SLACK_BYTES = 160;

export interface CastRecorderOptions {
  /** Folder of the recordings (`demos/recordings`). */
  dir: string;
  demoId: string;
  title?: string;
  command?: string;
  width?: number;
  height?: number;
  env?: Record<string, string>;
  /** Wall clock (ms) of the run's start, the origin of event times; defaults to `now()`. */
  startedAtMs?: number;
  now?: () => number;
  fs?: CastFileSystem;
  maxQueueBytes?: number;
  maxFileBytes?: number;
  /** Told at once when the recording is truncated or cannot be saved (show it to the speaker). */
  onWarning?: (message: string) => void;
}

export interface CastRecordingResult {
  path: string;
  /** True when the new recording replaced the previous one. */
  committed: boolean;
  truncated: boolean;
  warnings: string[];
  bytes: number;
  durationS: number;
  exit: CastExitStatus | undefined;
}

export interface CastRecorder {
  readonly path: string;
  readonly tempPath: string;
  readonly truncated: boolean;
  /** Tees one event of the run; events of other demos and events after `finish` are ignored. */
  record(event: DemoEvent): void;
  /** Ends the recording and puts it in place; never rejects. Idempotent. */
  finish(exit?: CastExitStatus): Promise<CastRecordingResult>;
  /** Drops the new recording; the previous one stays. */
  abort(): Promise<void>;
}

export function createCastRecorder(options: CastRecorderOptions): CastRecorder {
  const { dir, demoId, title, command, width = 80, height = 24, env, now = Date.now, fs = nodeCastFileSystem } = options;
  const path = resolveCastPath(dir, demoId);
  const tempPath = createCastTempPath(dir, demoId);
  const startedAtMs = options.startedAtMs ?? now();
  const warnings: string[] = [];
  const meta: CastMeta = { demoId, source: 'live', exitCode: null, signal: null, state: null, truncated: false };
  const header = createCastHeader({ width, height, startedAtMs, title, command, env, meta });
  const reservedBytes = Buffer.byteLength(JSON.stringify(header)) + HEADER_SLACK_BYTES;
  const warn = (message: string): void => {
    warnings.push(message);
    options.onWarning?.(message);
  };
  const sink = createCastFileSink({
    path,
    tempPath,
    headerLine: renderCastHeaderLine(header, reservedBytes),
    fs,
    maxQueueBytes: options.maxQueueBytes ?? DEFAULT_MAX_QUEUE_BYTES,
    maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_RECORDING_BYTES,
    onWarning: warn,
  });
  const cleaning = removeStaleCastTemps(dir, demoId, { fs }).catch(() => []);
  let lastT = 0;
  let readyMarked = false;
  let exit: CastExitStatus | undefined;
  let exitMarked = false;
  let finishing: Promise<CastRecordingResult> | undefined;

  function appendMarker(t: number, label: string): void {
    lastT = Math.max(lastT, t);
    if (label === READY_MARKER) readyMarked = true;
    const status = parseExitMarker(label);
    if (status) {
      exitMarked = true;
      exit = { ...status, ...(exit?.state ? { state: exit.state } : {}) };
    }
    sink.append(renderCastEventLine(lastT, 'm', label));
  }

  function record(event: DemoEvent): void {
    if (finishing || event.demoId !== demoId) return;
    if (event.type === 'output') {
      if (event.data === '') return;
      lastT = Math.max(lastT, event.t);
      sink.append(renderCastEventLine(lastT, 'o', event.data));
    } else if (event.type === 'marker') {
      if (event.label === READY_MARKER && readyMarked) return;
      if (parseExitMarker(event.label) && exitMarked) return;
      appendMarker(event.t, event.label);
    } else if (event.state === 'ready' && !readyMarked) {
      appendMarker((event.at - startedAtMs) / 1000, READY_MARKER);
    } else if (isFinalState(event.state)) {
      exit = { exitCode: event.exitCode ?? exit?.exitCode ?? null, signal: event.signal ?? exit?.signal ?? null, state: event.state };
      if (!exitMarked) appendMarker((event.at - startedAtMs) / 1000, exit.exitCode === null && !exit.signal ? event.state : renderExitMarker(exit));
    }
  }

  async function finishOnce(given: CastExitStatus | undefined): Promise<CastRecordingResult> {
    if (given) {
      if (!exitMarked) appendMarker(lastT, renderExitMarker(given));
      const state = given.state ?? exit?.state;
      exit = { exitCode: given.exitCode, signal: given.signal, ...(state ? { state } : {}) };
    }
    await cleaning;
    const { committed, bytes } = await sink.commit((truncated) =>
      renderCastHeaderLine(
        {
          ...header,
          duration: lastT,
          demystify: { ...meta, exitCode: exit?.exitCode ?? null, signal: exit?.signal ?? null, state: exit?.state ?? null, truncated },
        },
        reservedBytes,
      ),
    );
    return { path, committed, truncated: sink.truncated, warnings: [...warnings], bytes, durationS: lastT, exit };
  }

  return {
    path,
    tempPath,
    get truncated() {
      return sink.truncated;
    },
    record(event) {
      try {
        record(event);
      } catch (error) {
        warn(`Recording skipped an event it could not write (${String(error)}).`);
      }
    },
    finish(given) {
      finishing ??= finishOnce(given);
      return finishing;
    },
    async abort() {
      finishing ??= sink.discard().then(() => ({ path, committed: false, truncated: sink.truncated, warnings, bytes: 0, durationS: lastT, exit }));
      await finishing;
    },
  };
}
