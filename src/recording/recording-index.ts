// Which demos have a recording, and when it was made: read from each `<dir>/<id>.cast` header line
// (a few KB per file, synchronously, so a state event can carry it the moment it goes out). A file
// whose header is not asciicast v2 counts as no recording. `refresh` re-reads one demo after a run
// saved (or failed to save) its recording.
import { closeSync, openSync, readSync } from 'node:fs';
import { parseCastHeader } from './cast-header.ts';
import { resolveCastPath } from './cast-path.ts';

const HEADER_READ_BYTES = 64 * 1024;

export interface RecordingIndex {
  /** Wall clock (ms) of the recording's start; undefined when the demo has none. */
  recordedAt(demoId: string): number | undefined;
  has(demoId: string): boolean;
  /** Re-reads the demo's recording header (after a rehearsal or a run saved it). */
  refresh(demoId: string): void;
}

/**
 * Reads the header line of a recording: `{ recordedAt }` (absent in a header without timestamp), or
 * undefined when the file is missing or its first line is not an asciicast v2 header.
 */
export function readRecordingStart(path: string): { recordedAt?: number } | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(HEADER_READ_BYTES);
    const length = readSync(fd, buffer, 0, HEADER_READ_BYTES, 0);
    const text = buffer.subarray(0, length).toString('utf8');
    const end = text.indexOf('\n');
    if (end < 0) return undefined;
    const header = parseCastHeader(text.slice(0, end), path);
    return header.timestamp === undefined ? {} : { recordedAt: header.timestamp * 1000 };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function createRecordingIndex(dir: string, demoIds: Iterable<string>): RecordingIndex {
  const starts = new Map<string, { recordedAt?: number }>();
  const refresh = (demoId: string): void => {
    let start: { recordedAt?: number } | undefined;
    try {
      start = readRecordingStart(resolveCastPath(dir, demoId));
    } catch {
      start = undefined;
    }
    if (start === undefined) starts.delete(demoId);
    else starts.set(demoId, start);
  };
  for (const demoId of demoIds) refresh(demoId);
  return {
    recordedAt: (demoId) => starts.get(demoId)?.recordedAt,
    has: (demoId) => starts.has(demoId),
    refresh,
  };
}
