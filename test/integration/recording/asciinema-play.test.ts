// Our recordings must play in the asciinema CLI (Debian's `asciinema`, installed by .ci/run).
// `detached` runs it in a new session without a controlling terminal, as in CI: it then plays
// to stdout without trying to read keys from /dev/tty.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCastRecorder } from '../../../src/recording/index.ts';

const PLAY_TIMEOUT_MS = 30_000;

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demystify-cast-asciinema-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function playWithAsciinema(path: string) {
  return execa('asciinema', ['play', '-s', '100', path], {
    stdin: 'ignore',
    detached: true,
    reject: false,
    timeout: PLAY_TIMEOUT_MS,
    env: { ASCIINEMA_CONFIG_HOME: join(dir, 'asciinema-config') },
  });
}

describe('asciinema play', () => {
  it('plays our recording, with its markers and metadata header, without error', async () => {
    const recorder = createCastRecorder({ dir, demoId: 'etcd', title: 'etcd « TLS »', command: 'bin/etcd --data-dir etcd-data', width: 100, height: 30 });
    const event = { demoId: 'etcd', runId: 'run-1' };
    recorder.record({ type: 'output', ...event, t: 0.1, data: '\u001b[1;34m{"level":"info","msg":"starting etcd"}\u001b[0m\r\n' });
    recorder.record({ type: 'state', ...event, state: 'ready', source: 'live', at: Date.now() });
    recorder.record({ type: 'output', ...event, t: 0.3, data: 'clé: /registry/ns/default ✔\r\n' });
    recorder.record({ type: 'output', ...event, t: 0.4, data: 'lone \ud800 surrogate\r\n' });
    recorder.record({ type: 'state', ...event, state: 'exited', source: 'live', at: Date.now(), signal: 'SIGTERM' });
    const { path, committed } = await recorder.finish();
    expect(committed).toBe(true);

    const result = await playWithAsciinema(path);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('"msg":"starting etcd"');
    expect(result.stdout).toContain('clé: /registry/ns/default ✔');
    expect(result.stdout).toContain('lone \ufffd surrogate');
  });

  it('refuses what we refuse too: a recording that is not v2 (so the check above can fail)', async () => {
    const path = new URL('../../fixtures/casts/version-3.cast', import.meta.url).pathname;
    const result = await playWithAsciinema(path);
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toMatch(/playback failed/);
  });
});
