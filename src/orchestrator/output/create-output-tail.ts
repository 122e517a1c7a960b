// The bounded tail of a run's output, for snapshots (a reloaded tab, a late window) and for the
// "last lines" of a failure message. The bytes live in one fixed buffer used as a ring: a flood
// passes through it without leaving strings behind (strings kept for a while get promoted by the
// garbage collector and pile up in the old generation: measured +60 MiB of server memory during a
// 100 MB flood). The head of the retained bytes may start inside a code point: it is skipped, and
// counted in `droppedBytes` with everything overwritten.
import { stripTerminalCodes } from './strip-terminal-codes.ts';

export const OUTPUT_LIMIT_BYTES = 1024 * 1024;
const LAST_LINES_SCAN_BYTES = 16 * 1024;

export interface OutputTail {
  append(text: string): void;
  text(): string;
  readonly retainedBytes: number;
  readonly droppedBytes: number;
  /** The last `count` non-empty lines, without colours or cursor codes, each at most `maxChars`. */
  lastLines(count: number, maxChars?: number): string[];
}

const isContinuationByte = (byte: number | undefined): boolean => byte !== undefined && (byte & 0xc0) === 0x80;

export function createOutputTail(limitBytes: number = OUTPUT_LIMIT_BYTES): OutputTail {
  // Pages are touched only as output arrives: a quiet run costs what it printed.
  const ring = Buffer.allocUnsafe(limitBytes);
  /** Bytes ever appended; the ring holds the last min(total, limitBytes) of them. */
  let total = 0;

  /** The last `size` bytes appended (at most what is held), oldest first, whole code points only. */
  const lastBytes = (size: number): Buffer => {
    const held = Math.min(total, limitBytes, size);
    const end = total % limitBytes;
    const start = (end - held + limitBytes) % limitBytes;
    const bytes = start < end || held === 0 ? ring.subarray(start, start + held) : Buffer.concat([ring.subarray(start), ring.subarray(0, end)]);
    let skip = 0;
    while (skip < 3 && isContinuationByte(bytes[skip])) skip += 1;
    return bytes.subarray(skip);
  };

  const write = (bytes: Buffer): void => {
    const kept = bytes.length > limitBytes ? bytes.subarray(bytes.length - limitBytes) : bytes;
    const at = (total + bytes.length - kept.length) % limitBytes;
    const first = Math.min(kept.length, limitBytes - at);
    kept.copy(ring, at, 0, first);
    if (first < kept.length) kept.copy(ring, 0, first);
    total += bytes.length;
  };

  const retained = (): number => {
    if (total <= limitBytes) return total;
    const head = total % limitBytes;
    let skip = 0;
    while (skip < 3 && isContinuationByte(ring[(head + skip) % limitBytes])) skip += 1;
    return limitBytes - skip;
  };

  return {
    append(text) {
      if (text.length === 0) return;
      const at = total % limitBytes;
      const size = Buffer.byteLength(text, 'utf8');
      // The common case writes straight into the ring; a piece that wraps is encoded first.
      if (size <= limitBytes - at) {
        ring.write(text, at, 'utf8');
        total += size;
      } else {
        write(Buffer.from(text, 'utf8'));
      }
    },
    text() {
      return lastBytes(limitBytes).toString('utf8');
    },
    get retainedBytes() {
      return retained();
    },
    get droppedBytes() {
      return total - retained();
    },
    lastLines(count, maxChars = 200) {
      const lines = stripTerminalCodes(lastBytes(LAST_LINES_SCAN_BYTES).toString('utf8'))
        .split('\n')
        .map((line) => line.trimEnd())
        .filter((line) => line.length > 0)
        .slice(-count);
      return lines.map((line) => (line.length > maxChars ? `${line.slice(0, maxChars - 1)}…` : line));
    },
  };
}
