// Recordings carried inside a standalone HTML page, so it replays its demos with no server and no
// request: one `<script type="application/json" data-demystify-recordings>` holding, per demo id,
// the asciicast header and its `[t, code, data]` events (already parsed and checked at export).
// The page reads it back with `parseEmbeddedRecordings`, which trusts nothing it did not check.
import type { Cast, CastEvent, CastHeader } from './cast-types.ts';
import { isDemoId } from './demo.ts';

export const RECORDINGS_SCRIPT_ATTRIBUTE = 'data-demystify-recordings';
export const EMBEDDED_RECORDINGS_VERSION = 1;

type EmbeddedEvent = [number, 'o' | 'm', string];

interface EmbeddedRecording {
  header: CastHeader;
  events: EmbeddedEvent[];
}

interface EmbeddedRecordings {
  version: typeof EMBEDDED_RECORDINGS_VERSION;
  recordings: Record<string, EmbeddedRecording>;
}

/** The `<script>` element; `<` is escaped so no recorded text can close it. */
export function renderEmbeddedRecordings(casts: ReadonlyMap<string, Cast>): string {
  const payload: EmbeddedRecordings = { version: EMBEDDED_RECORDINGS_VERSION, recordings: {} };
  for (const [id, cast] of casts) {
    payload.recordings[id] = { header: cast.header, events: cast.events.map((event): EmbeddedEvent => [event.t, event.code, event.data]) };
  }
  const json = JSON.stringify(payload).replace(/</g, '\\u003c');
  return `<script type="application/json" ${RECORDINGS_SCRIPT_ATTRIBUTE}>${json}</script>`;
}

/** Demo id → recording; entries that are not well-formed are left out, bad JSON gives none. */
export function parseEmbeddedRecordings(json: string): Map<string, Cast> {
  const casts = new Map<string, Cast>();
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return casts;
  }
  if (!isRecord(value) || value['version'] !== EMBEDDED_RECORDINGS_VERSION || !isRecord(value['recordings'])) return casts;
  for (const [id, entry] of Object.entries(value['recordings'])) {
    if (!isDemoId(id) || !isRecord(entry) || !isHeader(entry['header']) || !Array.isArray(entry['events'])) continue;
    const events: CastEvent[] = [];
    let last = 0;
    for (const item of entry['events'] as unknown[]) {
      if (!Array.isArray(item)) continue;
      const [t, code, data] = item as unknown[];
      if (typeof t !== 'number' || !Number.isFinite(t) || (code !== 'o' && code !== 'm') || typeof data !== 'string') continue;
      last = Math.max(last, t);
      events.push({ t: last, code, data });
    }
    casts.set(id, { header: entry['header'], events, warnings: [], trimmed: false });
  }
  return casts;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isHeader(value: unknown): value is CastHeader {
  return isRecord(value) && value['version'] === 2 && Number.isInteger(value['width']) && Number.isInteger(value['height']);
}
