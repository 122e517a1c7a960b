// Request bodies: JSON only, small, parsed and validated strictly at the edge.
import type { IncomingMessage } from 'node:http';
import { isDemoId } from '../shared/index.ts';
import type { DemoActionRequest } from '../shared/index.ts';

export const MAX_BODY_BYTES = 4096;

export type BodyResult<T> = { ok: true; value: T } | { ok: false; status: 400 | 413 | 415; message: string };

export async function readJsonBody(request: IncomingMessage): Promise<BodyResult<unknown>> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    return { ok: false, status: 415, message: `Expected Content-Type application/json, got ${type || 'none'}.` };
  }
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) return { ok: false, status: 413, message: `Body too large: at most ${MAX_BODY_BYTES} bytes.` };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return { ok: false, status: 413, message: `Body too large: at most ${MAX_BODY_BYTES} bytes.` };
    chunks.push(chunk);
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { ok: false, status: 400, message: 'Expected a JSON body, got invalid JSON.' };
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value.slice(0, 60)}"`;
  return typeof value;
}

export function validateDemoActionRequest(value: unknown): { ok: true; value: DemoActionRequest } | { ok: false; message: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: `Expected a JSON object {"id": "<demo id>"}, got ${describe(value)}.` };
  }
  const keys = Object.keys(value);
  const extra = keys.filter((k) => k !== 'id');
  if (extra.length > 0) return { ok: false, message: `Expected only the field "id", got also ${extra.map((k) => `"${k.slice(0, 40)}"`).join(', ')}.` };
  const id = (value as { id?: unknown }).id;
  if (!isDemoId(id)) return { ok: false, message: `Expected "id" to be a demo id (lowercase letters, digits, dashes), got ${describe(id)}.` };
  return { ok: true, value: { id } };
}
