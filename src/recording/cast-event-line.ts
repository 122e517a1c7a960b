// One event line, `[t, code, data]`, as asciinema writes it: times rounded to microseconds,
// data always well-formed UTF-16 (a lone surrogate would make Python's asciinema crash on print).

import type { CastEventCode } from '../shared/index.ts';
import { renderLinePreview } from './recording-errors.ts';

const MICROSECONDS_PER_SECOND = 1_000_000;
/** In a `u` regex a surrogate pair is one code point, so this matches lone surrogates only. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/gu;

export function renderCastEventLine(t: number, code: CastEventCode, data: string): string {
  const time = Math.round(Math.max(0, t) * MICROSECONDS_PER_SECOND) / MICROSECONDS_PER_SECOND;
  return `${JSON.stringify([time, code, data.replace(LONE_SURROGATE, '\uFFFD')])}\n`;
}

export type ParsedCastEventLine =
  | { kind: 'event'; t: number; code: CastEventCode; data: string }
  /** A well-formed event with a code we do not replay (`i`, `r`, or unknown). */
  | { kind: 'skipped'; code: string }
  | { kind: 'invalid'; problem: string };

/** Parses one line; never throws. Blank lines and `#` comments (v3 style) are `skipped`. */
export function parseCastEventLine(line: string): ParsedCastEventLine {
  const text = line.trim();
  if (text === '' || text.startsWith('#')) return { kind: 'skipped', code: '' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'invalid', problem: `expected a JSON array [time, code, data], got ${renderLinePreview(text)}` };
  }
  if (!Array.isArray(value) || value.length < 3) {
    return { kind: 'invalid', problem: `expected a JSON array [time, code, data], got ${renderLinePreview(text)}` };
  }
  const [t, code, data] = value as unknown[];
  if (typeof t !== 'number' || !Number.isFinite(t) || typeof code !== 'string') {
    return { kind: 'invalid', problem: `expected a number time and a string code, got ${renderLinePreview(text)}` };
  }
  if (code !== 'o' && code !== 'm') return { kind: 'skipped', code };
  if (typeof data !== 'string') {
    return { kind: 'invalid', problem: `expected string data for a "${code}" event, got ${renderLinePreview(text)}` };
  }
  return { kind: 'event', t, code, data };
}
