// A recording file → Cast, streamed line by line: a 200 MB file is never held in memory,
// a line longer than `maxLineBytes` is skipped, and what is kept is capped by the parser.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { isDemystifyError } from '../shared/index.ts';
import { type CastParseOptions, createCastParser } from './cast-parser.ts';
import type { Cast } from '../shared/index.ts';
import { createRecordingInvalidError, createRecordingMissingError } from './recording-errors.ts';

export const DEFAULT_MAX_CAST_LINE_BYTES = 8 * 1024 * 1024;
const CHUNK_BYTES = 64 * 1024;
const LOOKAHEAD_BYTES = 4096;
const NEWLINE = 0x0a;

export interface ReadCastOptions extends Omit<CastParseOptions, 'file'> {
  maxLineBytes?: number;
}

/** Throws DemystifyError RECORDING_MISSING (no file) or RECORDING_INVALID (bad header, unreadable). */
export async function readCast(path: string, { maxLineBytes = DEFAULT_MAX_CAST_LINE_BYTES, ...options }: ReadCastOptions = {}): Promise<Cast> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ENOENT' ? createRecordingMissingError(path, error) : createRecordingInvalidError(path, `Expected a readable file, got ${error.code ?? error.message}`, error);
  });
  if (!info.isFile()) throw createRecordingInvalidError(path, 'Expected a file, got a folder or a device');
  const parser = createCastParser({ ...options, file: path });
  const tooLong = `a line longer than ${maxLineBytes} bytes`;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let skipping = false;
  let lookahead: string | undefined;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
      lookahead ??= chunk.subarray(0, LOOKAHEAD_BYTES).toString('utf8');
      let start = 0;
      for (let end = chunk.indexOf(NEWLINE, start); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
        const piece = chunk.subarray(start, end);
        start = end + 1;
        if (skipping || pendingBytes + piece.length > maxLineBytes) parser.reject(tooLong);
        else parser.accept(pendingBytes > 0 ? Buffer.concat([...pending, piece]).toString('utf8') : piece.toString('utf8'), true, lookahead);
        pending = [];
        pendingBytes = 0;
        skipping = false;
      }
      const rest = chunk.subarray(start);
      if (skipping || rest.length === 0) continue;
      if (pendingBytes + rest.length > maxLineBytes) {
        skipping = true;
        pending = [];
        pendingBytes = 0;
      } else {
        pending.push(Buffer.from(rest));
        pendingBytes += rest.length;
      }
    }
  } catch (error) {
    if (isDemystifyError(error)) throw error;
    throw createRecordingInvalidError(path, `Expected a readable file, got ${(error as NodeJS.ErrnoException).code ?? String(error)}`, error);
  }
  if (skipping) parser.reject(`half-written last line, ${tooLong}`);
  else if (pendingBytes > 0) parser.accept(Buffer.concat(pending).toString('utf8'), false, lookahead);
  return parser.finish();
}
