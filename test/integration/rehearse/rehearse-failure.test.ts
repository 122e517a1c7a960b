// `demystify rehearse` on a small fixture deck whose second step fails with output: the rehearsal
// stops there, exits 1 with that step's output tail, records the step that ended well, keeps the
// failing step's previous recording untouched, never starts the step after it, and still writes
// its report and chart.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCast } from '../../../src/recording/index.ts';
import { runRehearse } from './support/run-rehearse.ts';
import type { RehearseResult } from './support/run-rehearse.ts';

const DECK = 'test/fixtures/decks/rehearse/deck.md';
const PREVIOUS_RECORDING = new URL('../../fixtures/casts/hello.cast', import.meta.url).pathname;

let dir = '';
let recordings = '';
let result: RehearseResult;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demystify-rehearse-failure-'));
  recordings = join(dir, 'recordings');
  await mkdir(recordings);
  await copyFile(PREVIOUS_RECORDING, join(recordings, 'fails.cast'));
  result = await runRehearse(['--source', DECK, '--out', join(dir, 'out'), '--recordings', recordings, '--report', join(dir, 'report.json')]);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('demystify rehearse when a step fails', () => {
  it('exits 1 naming the failing step, its exit code and the last lines it printed', () => {
    expect(result.exitCode, result.stderr).toBe(1);
    expect(result.stderr).toContain('The rehearsal stopped at fails: exit 3 (NONZERO_EXIT).');
    expect(result.stderr).toMatch(/Last output of fails:\n {2}\| étape 1 : ok\n {2}\| étape 2 : disque plein \(échec simulé par la fixture\)/);
  });

  it('prints the table: the step that ended well, the failed one, and the step never run', () => {
    expect(result.stdout).toMatch(/^✔ greet\s+command\s+\d+\.\d\d s\s+exit 0\s+\S*greet\.cast \(\d+ B\)$/m);
    expect(result.stdout).toMatch(/^✘ fails\s+command\s+\d+\.\d\d s\s+exit 3 \(NONZERO_EXIT\)\s+not replaced \(failed run\)$/m);
    expect(result.stdout).toContain('Not run: after.');
    expect(result.stdout).not.toMatch(/^. after/m);
  });

  it('records the step that ended well, and leaves the failing step’s previous recording as it was', async () => {
    const greet = await readCast(join(recordings, 'greet.cast'));
    expect(greet.events.filter((event) => event.code === 'o').map((event) => event.data).join('')).toContain('bonjour depuis la répétition');
    expect(greet.header.demystify).toMatchObject({ demoId: 'greet', state: 'exited', exitCode: 0 });
    expect(await readFile(join(recordings, 'fails.cast'), 'utf8')).toBe(await readFile(PREVIOUS_RECORDING, 'utf8'));
    expect(existsSync(join(recordings, 'after.cast'))).toBe(false);
  });

  it('writes the timings chart and the JSON report with the failed step’s output tail', async () => {
    const chart = await readFile(join(dir, 'out', 'rehearsal.svg'), 'utf8');
    expect(chart).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(chart).toContain('<g data-step="greet">');
    expect(chart).toContain('<g data-step="fails">');
    const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as { results: { id: string; ok: boolean; outputTail: string }[]; notRun: string[] };
    expect(report.results.map((step) => [step.id, step.ok])).toEqual([
      ['greet', true],
      ['fails', false],
    ]);
    expect(report.results[1]?.outputTail).toContain('disque plein');
    expect(report.notRun).toEqual(['after']);
  });
});
