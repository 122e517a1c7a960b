import { describe, expect, it } from 'vitest';
import { parseEmbeddedRecordings, renderEmbeddedRecordings, selectHoldMarkers, selectRecordedOutcome } from '../../../src/shared/index.ts';
import type { Cast, CastEvent } from '../../../src/shared/index.ts';

const o = (t: number, data: string): CastEvent => ({ t, code: 'o', data });
const m = (t: number, data: string): CastEvent => ({ t, code: 'm', data });
const cast = (events: CastEvent[], state: 'exited' | 'failed' = 'exited', exitCode: number | null = 0): Cast => ({
  header: { version: 2, width: 80, height: 24, timestamp: 1_767_268_800, demystify: { demoId: 'etcd', state, exitCode, signal: null } },
  events,
  warnings: [],
  trimmed: false,
});

describe('selectRecordedOutcome', () => {
  it('shows a daemon as it was at ready: output up to the marker, state ready, dated', () => {
    const outcome = selectRecordedOutcome(cast([o(0.1, 'starting\r\n'), m(0.5, 'ready'), o(0.9, 'shutting down\r\n'), m(1, 'signal SIGTERM')]), selectHoldMarkers('daemon'));
    expect(outcome).toEqual({ output: 'starting\r\n', state: 'ready', durationMs: 500, recordedAt: 1_767_268_800_000 });
  });

  it('shows a command to its end with its recorded exit status', () => {
    const outcome = selectRecordedOutcome(cast([o(0.1, 'a\r\n'), m(0.2, 'ready'), o(0.3, 'b\r\n'), m(0.4, 'exit 2')], 'failed', 2), selectHoldMarkers('command'));
    expect(outcome).toMatchObject({ output: 'a\r\nb\r\n', state: 'failed', exitCode: 2, code: 'NONZERO_EXIT', durationMs: 400 });
  });
});

describe('embedded recordings', () => {
  it('round-trips through the page, and no recorded text can close its <script>', () => {
    const recorded = cast([o(0.1, '</script><script>alert(1)</script>\r\n'), m(0.2, 'exit 0')]);
    const script = renderEmbeddedRecordings(new Map([['etcd', recorded]]));
    expect(script).toMatch(/^<script type="application\/json" data-demystify-recordings>/);
    expect(script.slice(0, -'</script>'.length)).not.toContain('</script');
    const json = script.replace(/^<script[^>]*>/, '').replace(/<\/script>$/, '');
    expect(parseEmbeddedRecordings(json).get('etcd')).toEqual(recorded);
  });

  it('keeps only well-formed entries with demo ids, and reads nothing from bad JSON', () => {
    const json = JSON.stringify({
      version: 1,
      recordings: {
        '../etc': { header: { version: 2, width: 80, height: 24 }, events: [] },
        etcd: { header: { version: 3, width: 80, height: 24 }, events: [] },
        pki: { header: { version: 2, width: 80, height: 24 }, events: [[0.1, 'o', 'ok'], ['x', 'o', 'bad'], [0.2, 'i', 'input'], [0.05, 'o', 'late']] },
      },
    });
    const casts = parseEmbeddedRecordings(json);
    expect([...casts.keys()]).toEqual(['pki']);
    expect(casts.get('pki')?.events).toEqual([o(0.1, 'ok'), o(0.1, 'late')]);
    expect(parseEmbeddedRecordings('{not json').size).toBe(0);
  });
});
