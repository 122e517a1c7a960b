// Bytes from the terminal → UTF-8 text in few, timely pieces. A code point split across two reads
// is held back until its last byte arrives (StringDecoder), so no event ever carries half a
// character; invalid bytes become U+FFFD.
// Timing: after a quiet spell, text goes out on the next turn of the event loop (setImmediate:
// the first byte of a command reaches the slide at once). While output keeps coming, flushes are
// spaced by OUTPUT_BURST_INTERVAL_MS, or happen as soon as OUTPUT_FLUSH_BYTES have piled up: a
// flood becomes ~64 KiB events instead of one event per 4 KiB terminal read.
import { StringDecoder } from 'node:string_decoder';

export const OUTPUT_FLUSH_BYTES = 64 * 1024;
export const OUTPUT_BURST_INTERVAL_MS = 5;

export interface OutputCoalescer {
  push(chunk: Uint8Array | string): void;
  /** Flushes what is pending, including an incomplete code point (as U+FFFD). Later pushes are ignored. */
  end(): void;
}

export interface OutputCoalescerOptions {
  onFlush: (text: string, bytes: number) => void;
  flushBytes?: number;
  burstIntervalMs?: number;
  /** Next turn of the event loop. */
  schedule?: (callback: () => void) => void;
  /** After a delay (during a burst). */
  delay?: (callback: () => void, ms: number) => void;
  /** Monotonic milliseconds. */
  clock?: () => number;
}

export function createOutputCoalescer(options: OutputCoalescerOptions): OutputCoalescer {
  const { onFlush, flushBytes = OUTPUT_FLUSH_BYTES, burstIntervalMs = OUTPUT_BURST_INTERVAL_MS } = options;
  const { schedule = setImmediate, delay = (callback, ms) => void setTimeout(callback, ms), clock = () => performance.now() } = options;
  const decoder = new StringDecoder('utf8');
  let pending: string[] = [];
  let pendingBytes = 0;
  let scheduled = false;
  let ended = false;
  let lastFlushAt = -Infinity;

  const flush = (): void => {
    if (pending.length === 0) return;
    const text = pending.length === 1 ? (pending[0] as string) : pending.join('');
    const bytes = pendingBytes;
    pending = [];
    pendingBytes = 0;
    lastFlushAt = clock();
    onFlush(text, bytes);
  };

  const onScheduled = (): void => {
    scheduled = false;
    flush();
  };

  return {
    push(chunk) {
      if (ended) return;
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      const text = decoder.write(bytes);
      if (text.length > 0) pending.push(text);
      pendingBytes += bytes.byteLength;
      if (pendingBytes >= flushBytes) flush();
      else if (!scheduled && pending.length > 0) {
        scheduled = true;
        const sinceFlush = clock() - lastFlushAt;
        if (sinceFlush >= burstIntervalMs) schedule(onScheduled);
        else delay(onScheduled, burstIntervalMs - sinceFlush);
      }
    },
    end() {
      if (ended) return;
      ended = true;
      const rest = decoder.end();
      if (rest.length > 0) pending.push(rest);
      flush();
    },
  };
}
