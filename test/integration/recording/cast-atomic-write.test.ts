import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCastRecorder, readCast } from '../../../src/recording/index.ts';

const CHILD = new URL('./record-until-killed.ts', import.meta.url).pathname;
const CHILD_READY_TIMEOUT_MS = 30_000;
const PREVIOUS = '{"version":2,"width":80,"height":24}\n[0.5,"o","the good rehearsal\\r\\n"]\n';

let dir: string;
let child: ResultPromise | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demystify-cast-atomic-'));
  await writeFile(join(dir, 'etcd.cast'), PREVIOUS);
});

afterEach(async () => {
  if (child?.pid !== undefined && child.exitCode === null) child.kill('SIGKILL');
  await child?.catch(() => undefined);
  child = undefined;
  await rm(dir, { recursive: true, force: true });
});

function waitForLine(subprocess: ResultPromise, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${CHILD_READY_TIMEOUT_MS} ms; got ${JSON.stringify(seen)}`)), CHILD_READY_TIMEOUT_MS);
    subprocess.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = pattern.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] ?? match[0]);
      }
    });
    void subprocess.catch((error: unknown) => {
      clearTimeout(timer);
      reject(error instanceof Error ? error : new Error(String(error)));
    });
  });
}

describe('atomic recording writes', () => {
  it('keeps the previous recording intact when the recording process is killed mid-write', async () => {
    child = execa('node', ['--import', 'tsx', CHILD, dir], { stdin: 'ignore', reject: false });
    const tempPath = await waitForLine(child, /writing (\S+)\n/);
    child.kill('SIGKILL');
    const result = await child;
    expect(result.signal).toBe('SIGKILL');

    expect(await readFile(join(dir, 'etcd.cast'), 'utf8')).toBe(PREVIOUS);
    const cast = await readCast(join(dir, 'etcd.cast'));
    expect(cast.events.map((event) => event.data)).toEqual(['the good rehearsal\r\n']);
    expect(await readdir(dir)).toContain(tempPath.split('/').at(-1));

    const next = createCastRecorder({ dir, demoId: 'etcd' });
    next.record({ type: 'output', demoId: 'etcd', runId: 'run-2', t: 0.1, data: 'next run\r\n' });
    await next.finish({ exitCode: 0, signal: null });
    expect(await readdir(dir)).toEqual(['etcd.cast']);
  });

  it('keeps the previous recording when a run is aborted, and removes its temp file', async () => {
    const recorder = createCastRecorder({ dir, demoId: 'etcd' });
    recorder.record({ type: 'output', demoId: 'etcd', runId: 'run-1', t: 0.1, data: 'aborted run\r\n' });
    await recorder.abort();

    expect(await readFile(join(dir, 'etcd.cast'), 'utf8')).toBe(PREVIOUS);
    expect(await readdir(dir)).toEqual(['etcd.cast']);
  });

  it('replaces the previous recording only once the new one is complete', async () => {
    const recorder = createCastRecorder({ dir, demoId: 'etcd' });
    recorder.record({ type: 'output', demoId: 'etcd', runId: 'run-1', t: 0.1, data: 'new run\r\n' });
    expect(await readFile(join(dir, 'etcd.cast'), 'utf8')).toBe(PREVIOUS);
    const result = await recorder.finish({ exitCode: 0, signal: null });

    expect(result.committed).toBe(true);
    const cast = await readCast(join(dir, 'etcd.cast'));
    expect(cast.events.map((event) => event.data)).toEqual(['new run\r\n', 'exit 0']);
    expect(await readdir(dir)).toEqual(['etcd.cast']);
  });
});
