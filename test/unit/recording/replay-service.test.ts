import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualReplayClock, createReplayService } from '../../../src/recording/index.ts';
import type { DemoDefinition, DemoEvent, DemoManifest } from '../../../src/shared/index.ts';

const FIXTURES = new URL('../../fixtures/casts/replay/', import.meta.url).pathname;
const RECORDED_AT_MS = 1_767_268_800_000;

const demo = (id: string, kind: DemoDefinition['kind']): DemoDefinition => ({
  id, kind, command: `echo ${id}`, needs: [], startNeeds: false, root: false, ports: [], timeoutMs: 1000, slide: 1, title: id,
});
const manifest: DemoManifest = { version: 1, deck: 'deck.md', demos: [demo('pki', 'command'), demo('etcd', 'daemon'), demo('kubeconfig', 'command')] };

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demystify-replay-service-'));
  for (const id of ['pki', 'etcd']) await cp(join(FIXTURES, `${id}.cast`), join(dir, `${id}.cast`));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function open(options: { pauseOn?: string[] } = {}) {
  const clock = createManualReplayClock();
  const service = createReplayService({ manifest, recordingsDir: dir, clock, ...options });
  const events: DemoEvent[] = [];
  service.subscribe((event) => events.push(event));
  const states = (id: string): string[] => events.filter((event) => event.type === 'state' && event.demoId === id).map((event) => (event.type === 'state' ? event.state : ''));
  const output = (id: string): string => events.map((event) => (event.type === 'output' && event.demoId === id ? event.data : '')).join('');
  return { clock, service, events, states, output };
}

describe('createReplayService', () => {
  it('tells which demos have a recording and when it was made, before any replay', () => {
    const { service } = open();
    expect(service.snapshots().map((snapshot) => [snapshot.demoId, snapshot.state, snapshot.recordedAt])).toEqual([
      ['pki', 'idle', RECORDED_AT_MS],
      ['etcd', 'idle', RECORDED_AT_MS],
      ['kubeconfig', 'idle', undefined],
    ]);
  });

  it('plays a command to its recorded end, every state event dated with the recording', async () => {
    const { clock, service, events, states, output } = open();
    await service.run('pki');
    expect(service.snapshot('pki').state).toBe('replaying');
    clock.advance(5000);
    expect(states('pki')).toEqual(['replaying', 'exited']);
    expect(output('pki')).toContain('fin de la PKI');
    for (const event of events) if (event.type === 'state') expect(event.recordedAt).toBe(RECORDED_AT_MS);
    expect(service.snapshot('pki')).toMatchObject({ state: 'exited', exitCode: 0, source: 'replay', recordedAt: RECORDED_AT_MS });
  });

  it('holds a daemon at ready, joins that replay on Run, and ends it on Stop without playing what followed', async () => {
    const { clock, service, states, output } = open();
    await service.run('etcd');
    clock.advance(60_000);
    expect(states('etcd')).toEqual(['replaying']);
    expect(output('etcd')).toContain('ready to serve client requests');
    const joined = await service.run('etcd');
    expect(joined.runId).toBe(service.snapshot('etcd').runId);
    await service.stop('etcd');
    expect(states('etcd')).toEqual(['replaying', 'exited']);
    expect(service.snapshot('etcd')).toMatchObject({ state: 'exited', signal: 'SIGTERM', message: 'Rejeu arrêté.' });
    expect(output('etcd')).not.toContain('shutting down');
  });

  it('plays a daemon to its recorded end with pauseOn none', async () => {
    const { clock, service, states, output } = open({ pauseOn: [] });
    await service.run('etcd');
    clock.advance(60_000);
    expect(states('etcd')).toEqual(['replaying', 'exited']);
    expect(output('etcd')).toContain('shutting down');
  });

  it('reports a demo without recording as failed, naming the file and the command that records it', async () => {
    const { service } = open();
    const snapshot = await service.run('kubeconfig');
    expect(snapshot).toMatchObject({ state: 'failed', code: 'RECORDING_MISSING' });
    expect(snapshot.message).toContain(join(dir, 'kubeconfig.cast'));
    expect(snapshot.message).toContain('npx demystify rehearse');
  });
});
