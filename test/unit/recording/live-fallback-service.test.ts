import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLiveFallbackService, createManualReplayClock, createRecordingIndex, createReplayService } from '../../../src/recording/index.ts';
import type { LiveDemoService } from '../../../src/recording/index.ts';
import type { DemoDefinition, DemoEvent, DemoManifest, DemoSnapshot } from '../../../src/shared/index.ts';

const FIXTURES = new URL('../../fixtures/casts/replay/', import.meta.url).pathname;
const RECORDED_AT_MS = 1_767_268_800_000;

const demo = (id: string, kind: DemoDefinition['kind']): DemoDefinition => ({
  id, kind, command: `bin/${id}`, needs: [], startNeeds: false, root: false, ports: [], timeoutMs: 1000, slide: 1, title: id,
});
const manifest: DemoManifest = { version: 1, deck: 'deck.md', demos: [demo('kube-apiserver', 'daemon'), demo('kubectl-version', 'command')] };

/** Stands in for the orchestrator: every run fails at once (a binary missing), nothing spawned. */
function createFailingLive(): LiveDemoService & { runs: string[]; emit(event: DemoEvent): void } {
  const listeners = new Set<(event: DemoEvent) => void>();
  const snapshots = new Map<string, DemoSnapshot>(manifest.demos.map((d) => [d.id, { demoId: d.id, runId: null, state: 'idle', source: 'live', output: '', droppedBytes: 0 }]));
  const runs: string[] = [];
  const emit = (event: DemoEvent): void => {
    for (const listener of listeners) listener(event);
  };
  return {
    manifest,
    runs,
    emit,
    async run(id) {
      runs.push(id);
      const failed: DemoSnapshot = { demoId: id, runId: `${id}-${runs.length}`, state: 'failed', source: 'live', output: '', droppedBytes: 0, code: 'BINARY_MISSING', message: `bin/${id} est introuvable` };
      snapshots.set(id, failed);
      emit({ type: 'state', demoId: id, runId: failed.runId ?? '', state: 'failed', source: 'live', at: 1, code: 'BINARY_MISSING', message: failed.message });
      return failed;
    },
    stop: async (id) => snapshots.get(id) as DemoSnapshot,
    restart: async (id) => snapshots.get(id) as DemoSnapshot,
    stopAll: async () => undefined,
    snapshots: () => [...snapshots.values()],
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demystify-fallback-'));
  await cp(join(FIXTURES, 'kube-apiserver.cast'), join(dir, 'kube-apiserver.cast'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function open() {
  const live = createFailingLive();
  const index = createRecordingIndex(dir, manifest.demos.map((d) => d.id));
  const clock = createManualReplayClock();
  const replay = createReplayService({ manifest, recordingsDir: dir, index, clock });
  const service = createLiveFallbackService({ live, replay, index });
  const events: DemoEvent[] = [];
  service.subscribe((event) => events.push(event));
  return { live, service, events, clock };
}

describe('createLiveFallbackService', () => {
  it('dates a failed live run with its recording, so the page can offer it, and leaves demos without one alone', async () => {
    const { service, events } = open();
    await service.run('kube-apiserver');
    await service.run('kubectl-version');
    expect(events).toMatchObject([
      { demoId: 'kube-apiserver', state: 'failed', source: 'live', recordedAt: RECORDED_AT_MS },
      { demoId: 'kubectl-version', state: 'failed', source: 'live' },
    ]);
    expect(events[1]).not.toHaveProperty('recordedAt');
    expect(service.snapshots().map((snapshot) => snapshot.recordedAt)).toEqual([RECORDED_AT_MS, undefined]);
  });

  it('replays the recording of a failed demo without running it again, and shows the replay in its snapshot', async () => {
    const { live, service, events, clock } = open();
    await service.run('kube-apiserver');
    await service.replay('kube-apiserver');
    clock.advance(10_000);
    expect(live.runs).toEqual(['kube-apiserver']);
    expect(events.filter((event) => event.type === 'state').map((event) => (event.type === 'state' ? [event.source, event.state] : []))).toEqual([
      ['live', 'failed'],
      ['replay', 'replaying'],
    ]);
    expect(service.snapshots()[0]).toMatchObject({ demoId: 'kube-apiserver', source: 'replay', state: 'replaying', recordedAt: RECORDED_AT_MS });
    // While it replays, the orchestrator's news about it waits in the live snapshot.
    const seen = events.length;
    live.emit({ type: 'state', demoId: 'kube-apiserver', runId: 'kube-apiserver-1', state: 'failed', source: 'live', at: 2, message: 'etcd s’est arrêté' });
    expect(events).toHaveLength(seen);
    expect(events.at(-1)).toMatchObject({ type: 'marker', label: 'ready' });
    await service.stop('kube-apiserver');
    expect(events.at(-1)).toMatchObject({ type: 'state', source: 'replay', state: 'exited', signal: 'SIGTERM' });
  });

  it('goes live again on Run, ending the replay', async () => {
    const { live, service, events } = open();
    await service.run('kube-apiserver');
    await service.replay('kube-apiserver');
    await service.run('kube-apiserver');
    expect(live.runs).toEqual(['kube-apiserver', 'kube-apiserver']);
    expect(events.at(-1)).toMatchObject({ source: 'live', state: 'failed' });
    expect(service.snapshots()[0]).toMatchObject({ source: 'live', state: 'failed' });
  });

  it('refuses to replay a demo that has no recording, naming the command that records it', async () => {
    const { service } = open();
    await expect(service.replay('kubectl-version')).rejects.toMatchObject({ code: 'RECORDING_MISSING', message: expect.stringContaining('npx demystify rehearse --only kubectl-version') });
  });
});
