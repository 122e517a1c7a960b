// Lines of one recording, streamed to a temp file beside the final one, then made durable and
// renamed over it. The previous recording stays in place until `commit` succeeds; `discard`
// (or a crash) never touches it. Nothing here throws into the caller: failures become warnings
// and the `truncated` flag.
//
// Bounded memory: lines wait in a queue of at most `maxQueueBytes`; past that (disk too slow) or
// past `maxFileBytes`, or on any write error (ENOSPC, EIO), the recording stops there, complete
// up to its last whole line: a half-written line is cut off with truncate().
// The queue holds bytes, not strings: each line is encoded at once into a chunk of a few reused
// buffers. Strings waiting for the disk would outlive the young generation during a flood and pile
// up as garbage in the old one (measured: +25–30 MiB of server memory during a 50 MB flood).

import { dirname } from 'node:path';
import type { CastFileHandle, CastFileSystem } from './cast-file-system.ts';

/** Size of a queue chunk, and so of one write. */
const CHUNK_BYTES = 1024 * 1024;
/** Written chunks kept for reuse. */
const SPARE_CHUNKS = 2;

interface Chunk {
  buffer: Buffer;
  used: number;
  /** Where each line ends in `buffer`, in order. */
  lineEnds: number[];
}

export interface CastFileSinkOptions {
  path: string;
  tempPath: string;
  /** The first line (the header), padded to the length its final version will have. */
  headerLine: string;
  fs: CastFileSystem;
  maxQueueBytes: number;
  maxFileBytes: number;
  /** Called once per problem, as it happens. */
  onWarning: (message: string) => void;
}

export interface CastFileSink {
  /** Queues one line; false when the recording no longer accepts lines (truncated or closed). */
  append(line: string): boolean;
  readonly truncated: boolean;
  /**
   * Writes what is queued, rewrites the header in place (same length: `renderHeader` gets the
   * final truncated flag), fsyncs and renames over `path`.
   */
  commit(renderHeader: (truncated: boolean) => string): Promise<{ committed: boolean; bytes: number }>;
  /** Stops, removes the temp file, leaves `path` as it was. */
  discard(): Promise<void>;
}

export function createCastFileSink({ path, tempPath, headerLine, fs, maxQueueBytes, maxFileBytes, onWarning }: CastFileSinkOptions): CastFileSink {
  const headerBytes = Buffer.byteLength(headerLine);
  let handle: CastFileHandle | undefined;
  let queue: Chunk[] = [];
  const spare: Buffer[] = [];
  let queuedBytes = 0;
  let offset = 0;
  let truncated = false;
  let failed = false;
  let closed = false;
  let draining: Promise<void> | undefined;

  const opening = (async () => {
    await fs.makeDirectory(dirname(tempPath));
    handle = await fs.createFile(tempPath);
  })().catch((error: unknown) => {
    stop(`could not create ${tempPath} (${describeError(error)})`, true);
  });

  function stop(reason: string, dropQueue: boolean): void {
    if (dropQueue) {
      failed = true;
      queue = [];
      queuedBytes = 0;
    }
    if (truncated) return;
    truncated = true;
    onWarning(`Recording truncated: ${reason}; the run goes on, the recording keeps what was written before.`);
  }

  /** Encodes `line` at the end of the queue. The chunk being written is never in the queue. */
  function enqueue(line: string, bytes: number): void {
    let last = queue[queue.length - 1];
    if (bytes > CHUNK_BYTES) {
      queue.push({ buffer: Buffer.from(line), used: bytes, lineEnds: [bytes] });
    } else {
      if (!last || last.buffer.length - last.used < bytes) {
        last = { buffer: spare.pop() ?? Buffer.allocUnsafe(CHUNK_BYTES), used: 0, lineEnds: [] };
        queue.push(last);
      }
      last.used += last.buffer.write(line, last.used);
      last.lineEnds.push(last.used);
    }
    queuedBytes += bytes;
  }

  async function writeChunk(chunk: Chunk): Promise<void> {
    const progress = { written: 0 };
    try {
      await writeAll(chunk.buffer.subarray(0, chunk.used), offset, progress);
      offset += chunk.used;
    } catch (error) {
      // Keep the whole lines that reached the disk; cut the rest off.
      let whole = 0;
      for (const end of chunk.lineEnds) {
        if (end > progress.written) break;
        whole = end;
      }
      offset += whole;
      await handle?.truncate(offset).catch(() => undefined);
      stop(`writing ${tempPath} failed (${describeError(error)})`, true);
    } finally {
      queuedBytes = Math.max(0, queuedBytes - chunk.used);
      if (chunk.buffer.length === CHUNK_BYTES && spare.length < SPARE_CHUNKS) spare.push(chunk.buffer);
    }
  }

  async function drain(): Promise<void> {
    await opening;
    while (queue.length > 0 && !failed) await writeChunk(queue.shift() as Chunk);
  }

  function kick(): Promise<void> {
    draining ??= drain().finally(() => {
      draining = undefined;
      if (queue.length > 0 && !failed) void kick();
    });
    return draining;
  }
  enqueue(headerLine, headerBytes);
  void kick();

  async function settle(): Promise<void> {
    while (draining) await draining;
  }

  async function discardFile(): Promise<void> {
    await opening;
    await handle?.close().catch(() => undefined);
    handle = undefined;
    await fs.remove(tempPath).catch(() => undefined);
  }

  /** Loops over short writes; `progress.written` tells how far it got when it throws. */
  async function writeAll(data: Buffer, position: number, progress = { written: 0 }): Promise<void> {
    while (progress.written < data.length) {
      if (!handle) throw new Error('file not open');
      const count = await handle.write(data.subarray(progress.written), position + progress.written);
      if (count <= 0) throw new Error('the disk accepted no bytes');
      progress.written += count;
    }
  }

  return {
    get truncated() {
      return truncated;
    },
    append(line) {
      if (closed || truncated) return false;
      const bytes = Buffer.byteLength(line);
      if (offset + queuedBytes + bytes > maxFileBytes) {
        stop(`it reached the size cap of ${formatMegabytes(maxFileBytes)}`, false);
        return false;
      }
      if (queuedBytes + bytes > maxQueueBytes) {
        stop(`the disk is too slow (more than ${formatMegabytes(maxQueueBytes)} waiting to be written)`, false);
        return false;
      }
      enqueue(line, bytes);
      void kick();
      return true;
    },
    async commit(renderHeader) {
      closed = true;
      await settle();
      if (!handle || offset < headerBytes) {
        await discardFile();
        onWarning(`Recording not saved: nothing could be written to ${tempPath}; ${path} is left as it was.`);
        return { committed: false, bytes: 0 };
      }
      try {
        const header = Buffer.from(renderHeader(truncated));
        if (header.length === headerBytes) {
          await writeAll(header, 0);
        } else {
          onWarning(`The final header of ${path} did not fit its reserved space; the exit status is only in the markers.`);
        }
        await handle.sync();
        await handle.close();
        handle = undefined;
        await fs.rename(tempPath, path);
      } catch (error) {
        await discardFile();
        onWarning(`Recording not saved: finishing ${tempPath} failed (${describeError(error)}); ${path} is left as it was.`);
        return { committed: false, bytes: 0 };
      }
      await fs.syncDirectory(dirname(path)).catch(() => undefined);
      return { committed: true, bytes: offset };
    },
    async discard() {
      closed = true;
      failed = true;
      queue = [];
      await settle();
      await discardFile();
    },
  };

}

function describeError(error: unknown): string {
  if (error instanceof Error) return 'code' in error && typeof error.code === 'string' ? `${error.code}: ${error.message}` : error.message;
  return String(error);
}

function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}
