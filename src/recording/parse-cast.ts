// A recording already in memory (a fixture, an upload, a string from a test) → Cast.

import { type CastParseOptions, createCastParser } from './cast-parser.ts';
import type { Cast } from '../shared/index.ts';

const LOOKAHEAD_CHARS = 4096;

/** Strict header, tolerant events; throws DemystifyError RECORDING_INVALID for a bad header. */
export function parseCast(text: string, options: CastParseOptions = {}): Cast {
  const parser = createCastParser(options);
  const lookahead = text.slice(0, LOOKAHEAD_CHARS);
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    if (end === -1) {
      parser.accept(text.slice(start), false, lookahead);
      break;
    }
    parser.accept(text.slice(start, end), true, lookahead);
    start = end + 1;
  }
  return parser.finish();
}
