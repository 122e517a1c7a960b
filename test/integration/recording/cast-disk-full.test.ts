// A real full disk: a 64 KB tmpfs mounted for the test (needs root, as in CI), always unmounted.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CastRecorder, createCastRecorder, readCast } from '../../../src/recording/index.ts';

const IS_ROOT = process.getuid?.() === 0;
const TMPFS_SIZE = '64k';
const PREVIOUS = '{"version":2,"width":80,"height":24}\n[0.5,"o","previous\\r\\n"]\n';

let mountPoint: string;
let mounted = false;
let recorder: CastRecorder | undefined;

beforeEach(async () => {
  mountPoint = await mkdtemp(join(tmpdir(), 'demystify-cast-full-'));
  if (!IS_ROOT) return;
  await execa('mount', ['-t', 'tmpfs', '-o', `size=${TMPFS_SIZE}`, 'tmpfs', mountPoint]);
  mounted = true;
});

afterEach(async () => {
  await recorder?.abort();
  recorder = undefined;
  if (mounted) {
    const { failed } = await execa('umount', [mountPoint], { reject: false });
    if (failed) await execa('umount', ['-l', mountPoint]);
  }
  mounted = false;
  await rm(mountPoint, { recursive: true, force: true });
});

describe('recording onto a full disk', () => {
  it.skipIf(!IS_ROOT)('marks the recording truncated, warns once, and lets the run go on', async () => {
    await writeFile(join(mountPoint, 'etcd.cast'), PREVIOUS);
    const warnings: string[] = [];
    let warned: () => void = () => undefined;
    const firstWarning = new Promise<void>((resolve) => {
      warned = resolve;
    });
    const active = createCastRecorder({
      dir: mountPoint,
      demoId: 'etcd',
      title: 'etcd',
      onWarning: (message) => {
        warnings.push(message);
        warned();
      },
    });
    recorder = active;
    const line = `${'etcd is writing a lot of logs '.repeat(10)}\r\n`;
    let t = 0;
    for (let index = 0; index < 400; index += 1) {
      t += 0.01;
      expect(() => active.record({ type: 'output', demoId: 'etcd', runId: 'run-1', t, data: line })).not.toThrow();
    }
    await firstWarning;
    expect(active.truncated).toBe(true);
    expect(() => active.record({ type: 'output', demoId: 'etcd', runId: 'run-1', t: t + 1, data: 'after the disk filled\r\n' })).not.toThrow();
    expect(() => active.record({ type: 'state', demoId: 'etcd', runId: 'run-1', state: 'exited', source: 'live', at: Date.now(), exitCode: 0 })).not.toThrow();

    const result = await active.finish();
    expect(result).toMatchObject({ committed: true, truncated: true });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/Recording truncated: writing .* failed \(ENOSPC/);

    const cast = await readCast(join(mountPoint, 'etcd.cast'));
    expect(cast.warnings).toEqual([]);
    expect(cast.header.demystify).toMatchObject({ truncated: true, exitCode: 0 });
    expect(cast.events.length).toBeGreaterThan(10);
    expect(cast.events.every((event) => event.data === line)).toBe(true);
    expect((await readFile(join(mountPoint, 'etcd.cast'))).length).toBeLessThanOrEqual(64 * 1024);
  });
});
