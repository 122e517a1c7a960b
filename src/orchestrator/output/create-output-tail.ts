// The bounded tail of a run's output, for snapshots (a reloaded tab, a late window) and for the
// "last lines" of a failure message. Whole pieces are dropped from the head; a piece larger than
// the bound is cut at a code point boundary. `droppedBytes` counts the UTF-8 bytes dropped.
import { stripTerminalCodes } from './strip-terminal-codes.ts';

export const OUTPUT_LIMIT_BYTES = 1024 * 1024;
const LAST_LINES_SCAN_CHARS = 16 * 1024;
const MERGE_BYTES = 8 * 1024;

export interface OutputTail {
  append(text: string): void;
  text(): string;
  readonly retainedBytes: number;
  readonly droppedBytes: number;
  /** The last `count` non-empty lines, without colours or cursor codes, each at most `maxChars`. */
  lastLines(count: number, maxChars?: number): string[];
}

function cutHead(text: string, keepBytes: number): string {
  const bytes = Buffer.from(text, 'utf8');
  let start = bytes.length - keepBytes;
  while (start < bytes.length && ((bytes[start] as number) & 0xc0) === 0x80) start += 1;
  return bytes.subarray(start).toString('utf8');
}

export function createOutputTail(limitBytes: number = OUTPUT_LIMIT_BYTES): OutputTail {
  const pieces: { text: string; bytes: number }[] = [];
  let head = 0;
  let retained = 0;
  let dropped = 0;

  const compact = (): void => {
    if (head > 64 && head * 2 > pieces.length) {
      pieces.splice(0, head);
      head = 0;
    }
  };

  return {
    append(text) {
      if (text.length === 0) return;
      const bytes = Buffer.byteLength(text, 'utf8');
      const last = pieces.length > head ? pieces[pieces.length - 1] : undefined;
      // Small pieces are merged so that a trickle of tiny writes costs bytes, not objects.
      if (last !== undefined && last.bytes + bytes <= MERGE_BYTES) pieces[pieces.length - 1] = { text: last.text + text, bytes: last.bytes + bytes };
      else pieces.push({ text, bytes });
      retained += bytes;
      while (retained > limitBytes && head < pieces.length) {
        const first = pieces[head] as { text: string; bytes: number };
        if (pieces.length - head > 1) {
          retained -= first.bytes;
          dropped += first.bytes;
          head += 1;
          continue;
        }
        const kept = cutHead(first.text, limitBytes);
        const keptBytes = Buffer.byteLength(kept, 'utf8');
        dropped += first.bytes - keptBytes;
        retained = keptBytes;
        pieces[head] = { text: kept, bytes: keptBytes };
      }
      compact();
    },
    text() {
      return pieces.slice(head).map((piece) => piece.text).join('');
    },
    get retainedBytes() {
      return retained;
    },
    get droppedBytes() {
      return dropped;
    },
    lastLines(count, maxChars = 200) {
      const recent: string[] = [];
      let chars = 0;
      for (let index = pieces.length - 1; index >= head && chars < LAST_LINES_SCAN_CHARS; index -= 1) {
        const text = (pieces[index] as { text: string }).text;
        recent.unshift(text);
        chars += text.length;
      }
      const lines = stripTerminalCodes(recent.join('').slice(-LAST_LINES_SCAN_CHARS))
        .split('\n')
        .map((line) => line.trimEnd())
        .filter((line) => line.length > 0)
        .slice(-count);
      return lines.map((line) => (line.length > maxChars ? `${line.slice(0, maxChars - 1)}…` : line));
    },
  };
}
