// Stop policy: SIGTERM to the run's tree, SIGKILL after the grace period; nothing left behind —
// checked by pid, for children, double-forked grandchildren and a command's leftovers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOrchestrator } from '../../../src/orchestrator/index.ts';
import { readProcessInfo } from '../../../src/orchestrator/processes/index.ts';
import type { Orchestrator } from '../../../src/orchestrator/index.ts';
import type { DemoDefinition } from '../../../src/shared/index.ts';
import { isAlive, killQuietly, parsePids, waitUntil } from './support/process-checks.ts';
import { recordEvents } from './support/record-events.ts';
import type { EventLog } from './support/record-events.ts';
import { createTestManifest, defineDemo } from './support/test-manifest.ts';
import { createTestWorkspace } from './support/test-workspace.ts';
import type { TestWorkspace } from './support/test-workspace.ts';

const GRACE_MS = 400;
let space: TestWorkspace;
let orchestrator: Orchestrator | undefined;
let log: EventLog;
const seen: number[] = [];

function start(...demos: DemoDefinition[]): Orchestrator {
  orchestrator = createOrchestrator({ workspace: space.workspace, manifest: createTestManifest(...demos), graceMs: GRACE_MS, probeIntervalMs: 20 });
  log = recordEvents(orchestrator);
  return orchestrator;
}

async function pidsOf(demoId: string, label: string, count = 1): Promise<number[]> {
  const pattern = new RegExp(`(${label} \\d+[\\s\\S]*){${count}}`);
  const pids = parsePids(await log.waitForOutput(demoId, pattern), label);
  seen.push(...pids);
  return pids;
}

beforeEach(() => {
  space = createTestWorkspace();
});

afterEach(async () => {
  await orchestrator?.dispose();
  orchestrator = undefined;
  killQuietly(seen.splice(0));
  space.cleanup();
});

describe('stop', () => {
  it('kills a daemon that ignores SIGTERM with SIGKILL once the grace period is over', async () => {
    const o = start(defineDemo({ id: 'stubborn', kind: 'daemon', command: 'ignores-sigterm' }));
    await o.run('stubborn');
    const [pid] = await pidsOf('stubborn', 'pid');
    const asked = performance.now();
    const stopped = await o.stop('stubborn');
    expect(performance.now() - asked).toBeGreaterThanOrEqual(GRACE_MS);
    expect(stopped).toMatchObject({ state: 'exited', signal: 'SIGKILL' });
    expect(stopped.message).toMatch(/^arrêté de force \(SIGKILL\) après \d+ ms$/);
    expect(isAlive(pid!)).toBe(false);
  });

  it('leaves no forked child behind', async () => {
    const o = start(defineDemo({ id: 'parent', kind: 'daemon', command: 'forks-child' }));
    await o.run('parent');
    const pids = [...(await pidsOf('parent', 'child')), ...(await pidsOf('parent', 'parent'))];
    expect(pids.every(isAlive)).toBe(true);
    await o.stop('parent');
    expect(pids.filter(isAlive)).toEqual([]);
  });

  it('leaves no double-forked grandchild behind, though it left our process group and session', async () => {
    const o = start(defineDemo({ id: 'daemonizer', kind: 'daemon', command: 'forks-child --double' }));
    await o.run('daemonizer');
    const [grandchild] = await pidsOf('daemonizer', 'grandchild');
    const [parent] = await pidsOf('daemonizer', 'parent'); // printed once the middle process has exited
    await waitUntil(() => readProcessInfo(grandchild!)?.sid === grandchild, 2_000, 'the grandchild to call setsid');
    expect(readProcessInfo(grandchild!)).toMatchObject({ pgrp: grandchild });
    expect(readProcessInfo(grandchild!)?.ppid).not.toBe(parent);
    const stopped = await o.stop('daemonizer');
    expect(stopped.signal).toBe('SIGTERM');
    expect(isAlive(grandchild!)).toBe(false);
  });

  it('cleans up what a command left running in the background when it ends', async () => {
    const o = start(defineDemo({ id: 'leaky', command: "(trap '' HUP; exec sleep 600) &\necho \"left $!\"" }));
    const done = await o.run('leaky');
    expect(done).toMatchObject({ state: 'exited', exitCode: 0 });
    const [left] = await pidsOf('leaky', 'left');
    await waitUntil(() => !isAlive(left!), 3_000, `background pid ${left} to be stopped`);
  });

  it('cancels a run still waiting for its dependencies, before anything of it is spawned', async () => {
    const slow = defineDemo({ id: 'slow', kind: 'daemon', command: 'prints-then-idles', ready: { type: 'log', pattern: 'jamais' } });
    const eager = defineDemo({ id: 'eager', kind: 'daemon', command: 'echo spawned > eager.txt; prints-then-idles', needs: ['slow'], startNeeds: true });
    const o = start(slow, eager);
    const pending = o.run('eager');
    await log.waitFor((event) => event.type === 'state' && event.demoId === 'slow' && event.state === 'running');
    const cancelled = await o.stop('eager');
    expect(cancelled).toMatchObject({ state: 'exited', message: 'annulé avant le démarrage' });
    expect(await pending).toMatchObject({ state: 'exited' });
    expect(log.states('eager').map((event) => event.state)).toEqual(['starting', 'exited']);
  });

  it('returns the idle snapshot for a demo that never ran', async () => {
    const o = start(defineDemo({ id: 'never', command: 'true' }));
    expect(await o.stop('never')).toEqual({ demoId: 'never', runId: null, state: 'idle', source: 'live', output: '', droppedBytes: 0 });
  });
});

describe('stopAll and dispose', () => {
  it('stop every live run, the most recently started first', async () => {
    const o = start(defineDemo({ id: 'base', kind: 'daemon', command: 'prints-then-idles' }), defineDemo({ id: 'top', kind: 'daemon', command: 'prints-then-idles' }));
    await o.run('base');
    await o.run('top');
    await o.stopAll();
    const exits = log.events.flatMap((event) => (event.type === 'state' && event.state === 'exited' ? [event.demoId] : []));
    expect(exits).toEqual(['top', 'base']);
  });

  it('killAllNow kills every live tree at once, synchronously (for a process exit handler)', async () => {
    const o = start(defineDemo({ id: 'stubborn', kind: 'daemon', command: 'ignores-sigterm' }));
    await o.run('stubborn');
    const [pid] = await pidsOf('stubborn', 'pid');
    o.killAllNow();
    const ended = await log.waitFor((event) => event.type === 'state' && event.state === 'exited', 2_000);
    expect(ended).toMatchObject({ signal: 'SIGKILL' });
    expect(isAlive(pid!)).toBe(false);
  });

  it('stop a demo started with start-needs before the dependency it started (reverse spawn order)', async () => {
    const db = defineDemo({ id: 'db', kind: 'daemon', command: 'prints-then-idles' });
    const api = defineDemo({ id: 'api', kind: 'daemon', command: 'prints-then-idles', needs: ['db'], startNeeds: true });
    const o = start(db, api);
    await o.run('api');
    await o.stopAll();
    const exits = log.events.flatMap((event) => (event.type === 'state' && event.state === 'exited' ? [event.demoId] : []));
    expect(exits).toEqual(['api', 'db']);
  });

  it('dispose (also as Symbol.asyncDispose) stops everything and refuses new runs', async () => {
    const o = start(defineDemo({ id: 'last', kind: 'daemon', command: 'prints-then-idles "pid $$"' }));
    await o.run('last');
    const [pid] = await pidsOf('last', 'pid');
    await o[Symbol.asyncDispose]();
    expect(isAlive(pid!)).toBe(false);
    await expect(o.run('last')).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });
});
