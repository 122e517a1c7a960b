// Line-by-line asciicast reading shared by parseCast (a string) and readCast (a stream):
// strict on the header, tolerant on events. A bad line is skipped with a warning naming it,
// a half-written last line is trimmed, times that go backwards are clamped, unknown codes are
// ignored, and what is kept is capped (events and output size) so a huge file never means
// unbounded memory.

import { parseCastEventLine } from './cast-event-line.ts';
import { parseCastHeader } from './cast-header.ts';
import type { Cast, CastEvent, CastHeader } from '../shared/index.ts';
import { createRecordingInvalidError } from './recording-errors.ts';

export const DEFAULT_MAX_CAST_EVENTS = 100_000;
/** Output kept in memory, counted in UTF-16 code units of data (bytes, for ASCII output). */
export const DEFAULT_MAX_CAST_BYTES = 32 * 1024 * 1024;
const MAX_LISTED_WARNINGS = 20;
const MAX_MARKERS_AFTER_CAP = 10_000;
const COMPACT_AFTER_DROPPED = 4096;
const SILENTLY_SKIPPED_CODES = new Set(['', 'i', 'r']);

export interface CastParseOptions {
  /** Named in warnings and errors. */
  file?: string;
  maxEvents?: number;
  maxBytes?: number;
  /** Past a cap, keep the beginning (replay) or the end (final screen). */
  keep?: 'head' | 'tail';
}

export interface CastParser {
  /** The next line; the first one is the header (throws RECORDING_INVALID when it is not v2). */
  accept(line: string, terminated: boolean, lookahead?: string): void;
  /** Counts the next line as unusable (e.g. longer than the reader allows). */
  reject(problem: string): void;
  finish(): Cast;
}

export function createCastParser({ file: source, maxEvents = DEFAULT_MAX_CAST_EVENTS, maxBytes = DEFAULT_MAX_CAST_BYTES, keep = 'head' }: CastParseOptions = {}): CastParser {
  const file = source ?? 'the recording';
  let header: CastHeader | undefined;
  let events: CastEvent[] = [];
  let first = 0;
  let keptBytes = 0;
  let lineNumber = 0;
  let lastT = 0;
  let trimmed = false;
  let capped = false;
  let markersAfterCap = 0;
  let dropped = 0;
  let outOfOrder = 0;
  let firstOutOfOrderLine = 0;
  const unknownCodes = new Map<string, number>();
  const warnings: string[] = [];
  let unlistedWarnings = 0;

  function warn(message: string): void {
    if (warnings.length < MAX_LISTED_WARNINGS) warnings.push(message);
    else unlistedWarnings += 1;
  }

  function keepEvent(event: CastEvent): void {
    if (keep === 'tail') {
      events.push(event);
      keptBytes += event.data.length;
      while (events.length - first > maxEvents || (keptBytes > maxBytes && events.length - first > 1)) {
        keptBytes -= events[first]?.data.length ?? 0;
        first += 1;
        dropped += 1;
      }
      if (first > COMPACT_AFTER_DROPPED && first * 2 > events.length) {
        events = events.slice(first);
        first = 0;
      }
      return;
    }
    if (!capped && (events.length >= maxEvents || keptBytes + event.data.length > maxBytes)) {
      capped = true;
      trimmed = true;
      warn(`${file} line ${lineNumber}: stopped keeping output here (caps: ${maxEvents} events, ${maxBytes} bytes); later output is skipped, later markers are kept.`);
    }
    if (capped) {
      if (event.code === 'o') dropped += 1;
      else if (markersAfterCap < MAX_MARKERS_AFTER_CAP) {
        markersAfterCap += 1;
        events.push(event);
      }
      return;
    }
    events.push(event);
    keptBytes += event.data.length;
  }

  return {
    accept(line, terminated, lookahead) {
      lineNumber += 1;
      if (!header) {
        header = parseCastHeader(line, file, lookahead);
        return;
      }
      const parsed = parseCastEventLine(line);
      if (parsed.kind === 'skipped') {
        if (!SILENTLY_SKIPPED_CODES.has(parsed.code)) unknownCodes.set(parsed.code, (unknownCodes.get(parsed.code) ?? 0) + 1);
        return;
      }
      if (parsed.kind === 'invalid') {
        if (terminated) warn(`${file} line ${lineNumber}: skipped, ${parsed.problem}.`);
        else {
          trimmed = true;
          warn(`${file} line ${lineNumber}: half-written last line trimmed.`);
        }
        return;
      }
      let t = parsed.t;
      if (t < lastT) {
        outOfOrder += 1;
        firstOutOfOrderLine ||= lineNumber;
        t = lastT;
      }
      lastT = t;
      keepEvent({ t, code: parsed.code, data: parsed.data });
    },
    reject(problem) {
      lineNumber += 1;
      if (!header) throw createRecordingInvalidError(file, `Expected asciicast v2 (a JSON header object on line 1), got ${problem}`);
      warn(`${file} line ${lineNumber}: skipped, ${problem}.`);
    },
    finish() {
      if (!header) throw createRecordingInvalidError(file, 'Expected asciicast v2 (a JSON header object on line 1), got an empty file');
      if (outOfOrder > 0) warn(`${file}: ${outOfOrder} event(s) went back in time (first at line ${firstOutOfOrderLine}); their times were clamped.`);
      if (unknownCodes.size > 0) warn(`${file}: ignored events with unknown codes (${[...unknownCodes].map(([code, count]) => `"${code}" ×${count}`).join(', ')}).`);
      if (keep === 'tail' && dropped > 0) {
        trimmed = true;
        warn(`${file}: kept only the last ${events.length - first} events; ${dropped} earlier event(s) were dropped (caps: ${maxEvents} events, ${maxBytes} bytes).`);
      } else if (dropped > 0) warn(`${file}: ${dropped} output event(s) after the cap were not loaded.`);
      if (unlistedWarnings > 0) warnings.push(`${file}: ${unlistedWarnings} more problem(s) not listed.`);
      return { ...(source === undefined ? {} : { file: source }), header, events: first === 0 ? events : events.slice(first), warnings, trimmed };
    },
  };
}
