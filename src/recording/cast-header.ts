// The asciicast v2 header line: written by the recorder, checked strictly by the reader.

import type { DemoState, RunSource } from '../shared/index.ts';
import { CAST_VERSION, type CastHeader, type CastMeta } from '../shared/index.ts';
import { createRecordingInvalidError, renderLinePreview } from './recording-errors.ts';

const MAX_TERMINAL_CELLS = 10_000;
const SOURCES: readonly RunSource[] = ['live', 'replay'];
const FINAL_STATES: readonly DemoState[] = ['exited', 'failed'];

export interface CastHeaderInput {
  width: number;
  height: number;
  startedAtMs: number;
  title?: string;
  command?: string;
  env?: Record<string, string>;
  meta?: CastMeta;
}

export function createCastHeader({ width, height, startedAtMs, title, command, env, meta }: CastHeaderInput): CastHeader {
  return {
    version: CAST_VERSION,
    width,
    height,
    timestamp: Math.floor(startedAtMs / 1000),
    ...(title === undefined ? {} : { title }),
    ...(command === undefined ? {} : { command }),
    env: env ?? { TERM: 'xterm-256color', SHELL: '/bin/bash' },
    ...(meta === undefined ? {} : { demystify: meta }),
  };
}

/** One JSON line, padded with spaces to `padToBytes` (JSON allows trailing whitespace). */
export function renderCastHeaderLine(header: CastHeader, padToBytes = 0): string {
  const json = JSON.stringify(header);
  const padding = Math.max(0, padToBytes - Buffer.byteLength(json));
  return `${json}${' '.repeat(padding)}\n`;
}

/**
 * Strict: line 1 must be a JSON object with version 2 and integer width and height.
 * `lookahead` (the first few KB of the file) lets us name a pretty-printed v1 file.
 */
export function parseCastHeader(line: string, file: string, lookahead = line): CastHeader {
  const text = line.replace(/^\uFEFF/, '').trim();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (/^\s*\{[\s\S]*"version"\s*:\s*1\s*[,}]/.test(lookahead)) {
      throw createRecordingInvalidError(file, 'Expected asciicast v2, got asciicast v1 (one JSON document)', error);
    }
    throw createRecordingInvalidError(file, `Expected asciicast v2 (a JSON header object on line 1), got ${renderLinePreview(text)}`, error);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw createRecordingInvalidError(file, `Expected asciicast v2 (a JSON header object on line 1), got ${renderLinePreview(text)}`);
  }
  const raw = value as Record<string, unknown>;
  if (raw.version !== CAST_VERSION) {
    const got = typeof raw.version === 'number' ? `asciicast v${raw.version}` : `a header without a version number`;
    throw createRecordingInvalidError(file, `Expected asciicast v2, got ${got}`);
  }
  const { width, height } = raw;
  if (!isCellCount(width) || !isCellCount(height)) {
    throw createRecordingInvalidError(file, `Expected integer width and height in the header, got width=${String(width)}, height=${String(height)}`);
  }
  return {
    version: CAST_VERSION,
    width,
    height,
    ...pickNumber(raw, 'timestamp'),
    ...pickNumber(raw, 'duration'),
    ...pickNumber(raw, 'idle_time_limit'),
    ...pickString(raw, 'title'),
    ...pickString(raw, 'command'),
    ...(isStringRecord(raw.env) ? { env: raw.env } : {}),
    ...(typeof raw.demystify === 'object' && raw.demystify !== null ? { demystify: normalizeCastMeta(raw.demystify as Record<string, unknown>) } : {}),
  };
}

function normalizeCastMeta(raw: Record<string, unknown>): CastMeta {
  return {
    ...pickString(raw, 'demoId'),
    ...(SOURCES.includes(raw.source as RunSource) ? { source: raw.source as RunSource } : {}),
    ...(Number.isInteger(raw.exitCode) || raw.exitCode === null ? { exitCode: raw.exitCode as number | null } : {}),
    ...(typeof raw.signal === 'string' || raw.signal === null ? { signal: raw.signal as string | null } : {}),
    ...(FINAL_STATES.includes(raw.state as DemoState) ? { state: raw.state as DemoState } : {}),
    ...(typeof raw.truncated === 'boolean' ? { truncated: raw.truncated } : {}),
  };
}

function isCellCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) > 0 && (value as number) <= MAX_TERMINAL_CELLS;
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');
}

function pickNumber<K extends string>(raw: Record<string, unknown>, key: K): Partial<Record<K, number>> {
  const value = raw[key];
  return typeof value === 'number' && Number.isFinite(value) ? ({ [key]: value } as Record<K, number>) : {};
}

function pickString<K extends string>(raw: Record<string, unknown>, key: K): Partial<Record<K, string>> {
  const value = raw[key];
  return typeof value === 'string' ? ({ [key]: value } as Record<K, string>) : {};
}
