// Security row 17: a corrupted recording gives a clear error or a trimmed replay, never a
// crash, and reading a huge one keeps memory bounded.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createReplay, DEFAULT_MAX_CAST_EVENTS, readCast } from '../../../src/recording/index.ts';
import { DemystifyError } from '../../../src/shared/index.ts';

const FIXTURES = new URL('../../fixtures/casts/', import.meta.url).pathname;
const HUGE_FILE_BYTES = 200 * 1024 * 1024;
const MAX_RSS_GROWTH_BYTES = 150 * 1024 * 1024;
const HEADER = '{"version":2,"width":80,"height":24,"demystify":{"demoId":"etcd"}}\n';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demystify-cast-corrupted-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readError(path: string): Promise<DemystifyError> {
  const error: unknown = await readCast(path).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof DemystifyError)) throw new Error(`expected a DemystifyError from ${path}, got ${String(error)}`);
  return error;
}

/** Writes `totalBytes` of event lines (one bad line in the middle), then a half-written last line. */
async function writeHugeCast(path: string, totalBytes: number): Promise<number> {
  const stream = createWriteStream(path);
  stream.write(HEADER);
  let lines = 1;
  let written = HEADER.length;
  let t = 0;
  while (written < totalBytes) {
    let block = '';
    for (let index = 0; index < 10_000; index += 1) {
      t += 0.001;
      block += `[${t.toFixed(3)},"o","I1126 05:12:00.000000 etcd flood line ${lines} ................................\\r\\n"]\n`;
      lines += 1;
    }
    if (written < totalBytes / 2 && written + block.length >= totalBytes / 2) {
      block += '[1.0,"o","broken\n';
      lines += 1;
    }
    written += block.length;
    if (!stream.write(block)) await once(stream, 'drain');
  }
  stream.end('[99999,"o","half-writ');
  await once(stream, 'finish');
  return lines + 1;
}

describe('readCast on corrupted recordings', () => {
  it('says the recording is missing, naming the file and the command that records it', async () => {
    const error = await readError(join(dir, 'etcd.cast'));
    expect(error.code).toBe('RECORDING_MISSING');
    expect(error.message).toContain(join(dir, 'etcd.cast'));
    expect(error.message).toContain('npx demystify rehearse');
  });

  it.each([
    ['bad-header.cast', /Expected asciicast v2 \(a JSON header object on line 1\)/],
    ['missing-header.cast', /Expected asciicast v2 \(a JSON header object on line 1\)/],
    ['version-1.json', /Expected asciicast v2, got asciicast v1/],
    ['version-3.cast', /Expected asciicast v2, got asciicast v3/],
  ])('rejects %s as RECORDING_INVALID with the file and the fix', async (name, message) => {
    const error = await readError(join(FIXTURES, name));
    expect(error.code).toBe('RECORDING_INVALID');
    expect(error.message).toMatch(message);
    expect(error.message).toContain(join(FIXTURES, name));
    expect(error.message).toContain('Re-record it with `npx demystify rehearse`');
  });

  it('rejects an empty file and a folder', async () => {
    await writeFile(join(dir, 'empty.cast'), '');
    await mkdir(join(dir, 'folder.cast'));
    expect((await readError(join(dir, 'empty.cast'))).message).toMatch(/got an empty file/);
    expect((await readError(join(dir, 'folder.cast'))).message).toMatch(/Expected a file, got a folder/);
  });

  it('replays around a bad line and a half-written last line, with warnings naming the lines', async () => {
    const bad = await readCast(join(FIXTURES, 'bad-json-line.cast'));
    expect(bad.events.map((event) => event.data)).toEqual(['before\r\n', 'after\r\n']);
    expect(bad.warnings[0]).toMatch(/bad-json-line\.cast line 3: skipped/);

    const half = await readCast(join(FIXTURES, 'half-written-last-line.cast'));
    expect(half.trimmed).toBe(true);
    expect(half.warnings).toEqual([`${join(FIXTURES, 'half-written-last-line.cast')} line 4: half-written last line trimmed.`]);
    const outputs: string[] = [];
    const replay = createReplay(half, { demoId: 'etcd', speed: 1000, onEvent: (event) => event.type === 'output' && outputs.push(event.data) });
    replay.start();
    await replay.done;
    expect(outputs.join('')).toBe('complete\r\nalso complete\r\n');
  });

  it('skips a single line too long to hold in memory', async () => {
    const path = join(dir, 'giant-line.cast');
    await writeFile(path, `${HEADER}[0.1,"o","before"]\n[0.2,"o","${'x'.repeat(20 * 1024 * 1024)}"]\n[0.3,"o","after"]\n`);
    const cast = await readCast(path, { maxLineBytes: 1024 * 1024 });
    expect(cast.events.map((event) => event.data)).toEqual(['before', 'after']);
    expect(cast.warnings[0]).toMatch(/line 3: skipped, a line longer than 1048576 bytes/);
  });

  it('reads a 200 MB recording in bounded memory, trimmed with warnings, without crashing', async () => {
    const path = join(dir, 'huge.cast');
    const lastLine = await writeHugeCast(path, HUGE_FILE_BYTES);
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    try {
      const cast = await readCast(path);
      peak = Math.max(peak, process.memoryUsage().rss);
      expect(cast.trimmed).toBe(true);
      expect(cast.events).toHaveLength(DEFAULT_MAX_CAST_EVENTS);
      expect(cast.warnings[0]).toMatch(/stopped keeping output here/);
      expect(cast.warnings.join('\n')).toMatch(/line \d+: skipped, expected a JSON array/);
      expect(cast.warnings.join('\n')).toContain(`line ${lastLine}: half-written last line trimmed.`);
    } finally {
      clearInterval(sampler);
    }
    expect(peak - baseline).toBeLessThan(MAX_RSS_GROWTH_BYTES);
  });
});
