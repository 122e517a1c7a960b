import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCast, parseCastExitStatus } from '../../../src/recording/index.ts';
import { DemystifyError } from '../../../src/shared/index.ts';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/casts/${name}`, import.meta.url), 'utf8');

function catchError(run: () => unknown): DemystifyError {
  try {
    run();
  } catch (error) {
    if (error instanceof DemystifyError) return error;
    throw error;
  }
  throw new Error('expected a DemystifyError');
}

describe('parseCast header checks', () => {
  it('reads a v2 header with our metadata and the recorded exit status', () => {
    const cast = parseCast(fixture('hello.cast'));
    expect(cast.header).toMatchObject({ version: 2, width: 80, height: 24, title: 'hello', demystify: { demoId: 'hello', exitCode: 0, state: 'exited' } });
    expect(cast.events).toHaveLength(4);
    expect(cast.warnings).toEqual([]);
    expect(cast.trimmed).toBe(false);
    expect(parseCastExitStatus(cast)).toEqual({ exitCode: 0, signal: null, state: 'exited' });
  });

  it.each([
    ['version-3.cast', /Expected asciicast v2, got asciicast v3/],
    ['version-1.json', /Expected asciicast v2, got asciicast v1/],
    ['bad-header.cast', /Expected asciicast v2 \(a JSON header object on line 1\), got "this is not a recording"/],
    ['missing-header.cast', /Expected asciicast v2 \(a JSON header object on line 1\), got "\[0\.1/],
  ])('rejects %s with RECORDING_INVALID naming the file and the fix', (name, message) => {
    const error = catchError(() => parseCast(fixture(name), { file: `demos/recordings/${name}` }));
    expect(error.code).toBe('RECORDING_INVALID');
    expect(error.message).toMatch(message);
    expect(error.message).toContain(`demos/recordings/${name}`);
    expect(error.message).toContain('npx demystify rehearse');
  });

  it('names a compact v1 recording too', () => {
    const compact = JSON.stringify({ version: 1, width: 80, height: 24, stdout: [[0.1, 'x']] });
    expect(catchError(() => parseCast(compact)).message).toMatch(/got asciicast v1/);
  });

  it('rejects an empty file and a header without integer width and height', () => {
    expect(catchError(() => parseCast('')).message).toMatch(/got an empty file/);
    expect(catchError(() => parseCast('{"version":2,"width":"80","height":24}\n')).message).toMatch(/Expected integer width and height in the header, got width=80/);
  });
});

describe('parseCast event tolerance', () => {
  it('skips a bad JSON line with a warning naming its line number', () => {
    const cast = parseCast(fixture('bad-json-line.cast'), { file: 'bad.cast' });
    expect(cast.events.map((event) => event.data)).toEqual(['before\r\n', 'after\r\n']);
    expect(cast.warnings).toEqual([expect.stringMatching(/^bad\.cast line 3: skipped, expected a JSON array/)]);
    expect(cast.trimmed).toBe(false);
  });

  it('trims a half-written last line and says so', () => {
    const cast = parseCast(fixture('half-written-last-line.cast'), { file: 'half.cast' });
    expect(cast.events.map((event) => event.data)).toEqual(['complete\r\n', 'also complete\r\n']);
    expect(cast.warnings).toEqual(['half.cast line 4: half-written last line trimmed.']);
    expect(cast.trimmed).toBe(true);
  });

  it('accepts a complete last line without a trailing newline', () => {
    const cast = parseCast('{"version":2,"width":80,"height":24}\n[0.5,"o","end"]');
    expect(cast.events).toEqual([{ t: 0.5, code: 'o', data: 'end' }]);
    expect(cast.trimmed).toBe(false);
  });

  it('clamps events that go back in time', () => {
    const cast = parseCast(fixture('out-of-order.cast'));
    expect(cast.events.map((event) => [event.t, event.data])).toEqual([
      [1, 'one\r\n'],
      [1, 'two\r\n'],
      [2, 'three\r\n'],
      [2, 'four\r\n'],
    ]);
    expect(cast.warnings.join('\n')).toMatch(/2 event\(s\) went back in time \(first at line 3\); their times were clamped/);
  });

  it('ignores input, resize, comments and unknown codes, naming only the unknown ones', () => {
    const cast = parseCast(fixture('unknown-codes.cast'));
    expect(cast.events.map((event) => event.data)).toEqual(['shown\r\n', 'also shown\r\n']);
    expect(cast.warnings).toEqual([expect.stringMatching(/unknown codes \("zz" ×1, "x" ×1\)/)]);
  });

  it('lists at most 20 problems and counts the rest', () => {
    const lines = ['{"version":2,"width":80,"height":24}', ...Array.from({ length: 30 }, () => 'garbage'), '[1,"o","ok"]'];
    const cast = parseCast(`${lines.join('\n')}\n`);
    expect(cast.events).toHaveLength(1);
    expect(cast.warnings).toHaveLength(21);
    expect(cast.warnings.at(-1)).toMatch(/10 more problem\(s\) not listed/);
  });
});

describe('parseCast caps', () => {
  const manyLines = (count: number): string =>
    `${['{"version":2,"width":80,"height":24}', ...Array.from({ length: count }, (_, index) => JSON.stringify([index, 'o', `line ${index}\r\n`])), '[99999,"m","exit 0"]'].join('\n')}\n`;

  it('keeps the beginning past the event cap, and still the markers after it', () => {
    const cast = parseCast(manyLines(100), { maxEvents: 10 });
    expect(cast.trimmed).toBe(true);
    expect(cast.events.filter((event) => event.code === 'o').map((event) => event.data)).toEqual(Array.from({ length: 10 }, (_, index) => `line ${index}\r\n`));
    expect(cast.events.at(-1)).toEqual({ t: 99999, code: 'm', data: 'exit 0' });
    expect(cast.warnings[0]).toMatch(/line 12: stopped keeping output here/);
  });

  it('keeps the end when asked, for final screens', () => {
    const cast = parseCast(manyLines(100), { maxEvents: 5, keep: 'tail' });
    expect(cast.trimmed).toBe(true);
    expect(cast.events.map((event) => event.data)).toEqual(['line 96\r\n', 'line 97\r\n', 'line 98\r\n', 'line 99\r\n', 'exit 0']);
    expect(cast.warnings.join('\n')).toMatch(/kept only the last 5 events; 96 earlier event\(s\) were dropped/);
  });

  it('caps the output kept in memory by size', () => {
    const cast = parseCast(manyLines(100), { maxBytes: 50 });
    const kept = cast.events.filter((event) => event.code === 'o');
    expect(kept.reduce((sum, event) => sum + event.data.length, 0)).toBeLessThanOrEqual(50);
    expect(cast.trimmed).toBe(true);
  });
});
