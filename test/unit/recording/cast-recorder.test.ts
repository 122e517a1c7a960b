import { describe, expect, it, vi } from 'vitest';
import type { DemoEvent } from '../../../src/shared/index.ts';
import { createCastRecorder, parseCast } from '../../../src/recording/index.ts';
import { createEnospcError, createMemoryCastFileSystem } from './memory-cast-file-system.ts';

const DIR = '/recordings';
const PATH = `${DIR}/etcd.cast`;
const START_MS = 1_700_000_000_000;

const output = (t: number, data: string): DemoEvent => ({ type: 'output', demoId: 'etcd', runId: 'run-1', t, data });
const marker = (t: number, label: string): DemoEvent => ({ type: 'marker', demoId: 'etcd', runId: 'run-1', t, label });
const state = (atS: number, value: 'ready' | 'exited' | 'failed', extra: { exitCode?: number; signal?: string } = {}): DemoEvent => ({
  type: 'state',
  demoId: 'etcd',
  runId: 'run-1',
  state: value,
  source: 'live',
  at: START_MS + atS * 1000,
  ...extra,
});

function createRecorder(fs = createMemoryCastFileSystem(), onWarning = vi.fn()) {
  const recorder = createCastRecorder({ dir: DIR, demoId: 'etcd', title: 'etcd', command: 'bin/etcd --data-dir etcd-data', width: 100, height: 30, startedAtMs: START_MS, fs, onWarning });
  return { recorder, fs, onWarning };
}

describe('createCastRecorder', () => {
  it('writes output and markers as asciicast v2 lines under a v2 header with our metadata', async () => {
    const { recorder, fs } = createRecorder();
    recorder.record(output(0.25, '\u001b[32metcd\u001b[0m starting\r\n'));
    recorder.record(marker(0.5, 'ready'));
    recorder.record(output(1.5, 'serving client traffic\r\n'));
    const result = await recorder.finish({ exitCode: 0, signal: null });

    expect(result).toMatchObject({ path: PATH, committed: true, truncated: false, warnings: [] });
    const cast = parseCast(fs.readText(PATH) ?? '');
    expect(cast.header).toMatchObject({
      version: 2,
      width: 100,
      height: 30,
      timestamp: START_MS / 1000,
      title: 'etcd',
      command: 'bin/etcd --data-dir etcd-data',
      env: { TERM: 'xterm-256color' },
      demystify: { demoId: 'etcd', source: 'live', exitCode: 0, signal: null, truncated: false },
    });
    expect(cast.events).toEqual([
      { t: 0.25, code: 'o', data: '\u001b[32metcd\u001b[0m starting\r\n' },
      { t: 0.5, code: 'm', data: 'ready' },
      { t: 1.5, code: 'o', data: 'serving client traffic\r\n' },
      { t: 1.5, code: 'm', data: 'exit 0' },
    ]);
    expect(cast.warnings).toEqual([]);
  });

  it('turns the ready and final states into markers and records the exit status in the header', async () => {
    const { recorder, fs } = createRecorder();
    recorder.record(output(0.1, 'booting\r\n'));
    recorder.record(state(0.75, 'ready'));
    recorder.record(state(2, 'failed', { signal: 'SIGTERM' }));
    await recorder.finish();

    const cast = parseCast(fs.readText(PATH) ?? '');
    expect(cast.events.filter((event) => event.code === 'm')).toEqual([
      { t: 0.75, code: 'm', data: 'ready' },
      { t: 2, code: 'm', data: 'signal SIGTERM' },
    ]);
    expect(cast.header.demystify).toMatchObject({ exitCode: null, signal: 'SIGTERM', state: 'failed' });
  });

  it('does not repeat ready or exit markers the orchestrator already sent', async () => {
    const { recorder, fs } = createRecorder();
    recorder.record(marker(0.5, 'ready'));
    recorder.record(state(0.5, 'ready'));
    recorder.record(marker(1, 'exit 1'));
    recorder.record(state(1, 'failed', { exitCode: 1 }));
    await recorder.finish();

    const labels = parseCast(fs.readText(PATH) ?? '').events.map((event) => event.data);
    expect(labels).toEqual(['ready', 'exit 1']);
  });

  it('ignores events of other demos and keeps times from going backwards', async () => {
    const { recorder, fs } = createRecorder();
    recorder.record(output(1, 'one\r\n'));
    recorder.record({ type: 'output', demoId: 'kube-apiserver', runId: 'run-9', t: 1.1, data: 'not mine' });
    recorder.record(output(0.5, 'two\r\n'));
    await recorder.finish();

    const { events } = parseCast(fs.readText(PATH) ?? '');
    expect(events.map((event) => [event.t, event.data])).toEqual([
      [1, 'one\r\n'],
      [1, 'two\r\n'],
    ]);
  });

  it('replaces a lone surrogate so other players can print the output', async () => {
    const { recorder, fs } = createRecorder();
    recorder.record(output(0.1, 'bad \ud800 half'));
    await recorder.finish();
    expect(parseCast(fs.readText(PATH) ?? '').events[0]?.data).toBe('bad \ufffd half');
  });

  it('keeps the previous recording in place until the new one is finished', async () => {
    const fs = createMemoryCastFileSystem({ [PATH]: 'previous recording' });
    const { recorder } = createRecorder(fs);
    recorder.record(output(0.1, 'new run\r\n'));
    await vi.waitFor(() => expect(fs.readText(recorder.tempPath)).toContain('new run'));
    expect(fs.readText(PATH)).toBe('previous recording');

    await recorder.finish();
    expect(fs.readText(PATH)).toContain('new run');
    expect(fs.files.has(recorder.tempPath)).toBe(false);
  });

  it('leaves the previous recording and no temp file behind when the run is aborted', async () => {
    const fs = createMemoryCastFileSystem({ [PATH]: 'previous recording' });
    const { recorder } = createRecorder(fs);
    recorder.record(output(0.1, 'half a run\r\n'));
    await recorder.abort();

    expect(fs.readText(PATH)).toBe('previous recording');
    expect([...fs.files.keys()]).toEqual([PATH]);
  });

  it('removes temp files left by a recorder process that died, and only those', async () => {
    const deadPid = 2 ** 22 + 17;
    const fs = createMemoryCastFileSystem({
      [`${DIR}/.etcd.cast.tmp-${deadPid}-1`]: 'left by a killed run',
      [`${DIR}/.etcd.cast.tmp-${process.pid}-999`]: 'a sibling recorder in this process',
      [`${DIR}/.kube-apiserver.cast.tmp-${deadPid}-1`]: 'another demo',
    });
    const { recorder } = createRecorder(fs);
    await recorder.finish();

    expect(fs.files.has(`${DIR}/.etcd.cast.tmp-${deadPid}-1`)).toBe(false);
    expect(fs.files.has(`${DIR}/.etcd.cast.tmp-${process.pid}-999`)).toBe(true);
    expect(fs.files.has(`${DIR}/.kube-apiserver.cast.tmp-${deadPid}-1`)).toBe(true);
  });

  it('marks the recording truncated on ENOSPC, keeps every whole line written before, and lets the run go on', async () => {
    const fs = createMemoryCastFileSystem({ [PATH]: 'previous recording' });
    let budget = 0;
    fs.beforeWrite = (_path, position, length) => {
      if (position === 0 && length < 1000) return length;
      if (budget === 0) budget = position + 700;
      const room = budget - position;
      if (room <= 0) throw createEnospcError();
      return room;
    };
    const { recorder, onWarning } = createRecorder(fs);
    const line = `${'x'.repeat(90)}\r\n`;
    for (let index = 0; index < 50; index += 1) {
      expect(() => recorder.record(output(index / 10, line))).not.toThrow();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(() => recorder.record(state(6, 'exited', { exitCode: 0 }))).not.toThrow();
    const result = await recorder.finish();

    expect(result.truncated).toBe(true);
    expect(result.committed).toBe(true);
    expect(onWarning).toHaveBeenCalledTimes(1);
    expect(onWarning.mock.calls[0]?.[0]).toMatch(/Recording truncated: writing .* failed \(ENOSPC/);
    const cast = parseCast(fs.readText(PATH) ?? '');
    expect(cast.warnings).toEqual([]);
    expect(cast.header.demystify?.truncated).toBe(true);
    expect(cast.events.length).toBeGreaterThan(0);
    expect(cast.events.length).toBeLessThan(10);
    expect(cast.events.every((event) => event.data === line)).toBe(true);
  });

  it('drops to truncated instead of buffering without bound when the disk is too slow', async () => {
    const fs = createMemoryCastFileSystem();
    let releaseDisk: () => void = () => undefined;
    const stalled = new Promise<void>((resolve) => {
      releaseDisk = resolve;
    });
    fs.beforeWrite = async (_path, position) => {
      if (position > 0) await stalled;
    };
    const onWarning = vi.fn();
    const recorder = createCastRecorder({ dir: DIR, demoId: 'etcd', startedAtMs: START_MS, fs, onWarning, maxQueueBytes: 64 * 1024 });
    recorder.record(output(0, 'first\r\n'));
    await vi.waitFor(() => expect(fs.readText(recorder.tempPath)).toBeDefined());
    const chunk = `${'y'.repeat(1022)}\r\n`;
    for (let index = 0; index < 1000; index += 1) recorder.record(output(index / 1000, chunk));

    expect(recorder.truncated).toBe(true);
    expect(onWarning.mock.calls[0]?.[0]).toMatch(/the disk is too slow/);
    releaseDisk();
    const result = await recorder.finish();
    const cast = parseCast(fs.readText(PATH) ?? '');
    expect(result.truncated).toBe(true);
    expect(cast.header.demystify?.truncated).toBe(true);
    const kept = cast.events.filter((event) => event.data === chunk).length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(64);
  });

  it('stops at the size cap, marked truncated', async () => {
    const fs = createMemoryCastFileSystem();
    const recorder = createCastRecorder({ dir: DIR, demoId: 'etcd', startedAtMs: START_MS, fs, maxFileBytes: 4096 });
    for (let index = 0; index < 100; index += 1) recorder.record(output(index, `${'z'.repeat(100)}\r\n`));
    const result = await recorder.finish();

    expect(result.truncated).toBe(true);
    expect(result.warnings[0]).toMatch(/size cap/);
    expect(fs.files.get(PATH)?.length).toBeLessThanOrEqual(4096);
    expect(parseCast(fs.readText(PATH) ?? '').header.demystify?.truncated).toBe(true);
  });

  it('keeps the previous recording when not even the header could be written', async () => {
    const fs = createMemoryCastFileSystem({ [PATH]: 'previous recording' });
    fs.beforeWrite = () => {
      throw createEnospcError();
    };
    const { recorder, onWarning } = createRecorder(fs);
    recorder.record(output(0, 'lost\r\n'));
    const result = await recorder.finish();

    expect(result.committed).toBe(false);
    expect(fs.readText(PATH)).toBe('previous recording');
    expect(fs.files.has(recorder.tempPath)).toBe(false);
    expect(onWarning.mock.calls.map((call) => call[0]).join('\n')).toMatch(/not saved/);
  });

  it('refuses a demo id that could escape the recordings folder', () => {
    expect(() => createCastRecorder({ dir: DIR, demoId: '../etc/passwd', fs: createMemoryCastFileSystem() })).toThrow(/Expected a demo id/);
  });
});
