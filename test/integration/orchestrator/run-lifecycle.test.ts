// Each state transition a speaker can see, with real processes (fixtures in test/fixtures/bin).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOrchestrator } from '../../../src/orchestrator/index.ts';
import type { Orchestrator } from '../../../src/orchestrator/index.ts';
import type { DemoDefinition, StateEvent } from '../../../src/shared/index.ts';
import { isAlive, parsePids } from './support/process-checks.ts';
import { recordEvents } from './support/record-events.ts';
import type { EventLog } from './support/record-events.ts';
import { createTestManifest, defineDemo } from './support/test-manifest.ts';
import { createTestWorkspace } from './support/test-workspace.ts';
import type { TestWorkspace } from './support/test-workspace.ts';

let space: TestWorkspace;
let orchestrator: Orchestrator | undefined;
let log: EventLog;

function start(...demos: DemoDefinition[]): Orchestrator {
  orchestrator = createOrchestrator({ workspace: space.workspace, manifest: createTestManifest(...demos), graceMs: 1_000, probeIntervalMs: 20 });
  log = recordEvents(orchestrator);
  return orchestrator;
}

const stateNames = (demoId: string): string[] => log.states(demoId).map((event) => event.state);

beforeEach(() => {
  space = createTestWorkspace();
});

afterEach(async () => {
  await orchestrator?.dispose();
  orchestrator = undefined;
  space.cleanup();
});

describe('a command', () => {
  it('goes starting → running → exited with exit code 0, its output and an "exit 0" marker', async () => {
    const snapshot = await start(defineDemo({ id: 'hello', command: 'echo "bonjour"; printf "\\033[32mvert\\033[0m\\n"' })).run('hello');
    expect(stateNames('hello')).toEqual(['starting', 'running', 'exited']);
    expect(snapshot).toMatchObject({ state: 'exited', exitCode: 0, source: 'live' });
    expect(snapshot.durationMs).toBeGreaterThanOrEqual(0);
    expect(snapshot.output).toBe('bonjour\r\n\u001b[32mvert\u001b[0m\r\n');
    expect(log.markers('hello')).toEqual(['exit 0']);
    expect(new Set(log.events.map((event) => event.runId))).toEqual(new Set([snapshot.runId]));
  });

  it('fails with a message naming the exit code and quoting its last lines', async () => {
    const snapshot = await start(defineDemo({ id: 'broken', command: 'exits-with 3 "plus de place"' })).run('broken');
    expect(snapshot).toMatchObject({ state: 'failed', exitCode: 3, code: 'NONZERO_EXIT' });
    expect(snapshot.message).toContain('code de sortie 3');
    expect(snapshot.message).toContain('plus de place');
    expect(log.markers('broken')).toEqual(['exit 3']);
  });

  it('runs a multi-line body as one script that goes on after a failing line (no hidden set -e), with pipefail', async () => {
    const snapshot = await start(defineDemo({ id: 'script', command: 'false\necho "après false"\nexits-with 4 | cat' })).run('script');
    expect(snapshot.output).toContain('après false');
    expect(snapshot).toMatchObject({ state: 'failed', exitCode: 4 });
  });

  it('runs in the workspace with bin/ first on PATH and a colour terminal', async () => {
    const snapshot = await start(defineDemo({ id: 'where', command: 'pwd; command -v prints-then-idles; echo "$TERM"' })).run('where');
    expect(snapshot.output.split('\r\n')).toEqual([space.workspace, join(space.bin, 'prints-then-idles'), 'xterm-256color', '']);
  });

  it('is stopped and failed when it outlives its timeout, with a message saying how long', async () => {
    const snapshot = await start(defineDemo({ id: 'slow', command: 'prints-then-idles "je traîne"', timeoutMs: 300 })).run('slow');
    expect(snapshot).toMatchObject({ state: 'failed', code: 'READY_TIMEOUT', signal: 'SIGTERM' });
    expect(snapshot.message).toContain("n'a pas fini après 300 ms");
  });

  it('runs its ready post-check after exiting 0 and marks "ready" when it passes', async () => {
    const snapshot = await start(defineDemo({ id: 'touch', command: 'touch made-by-demo', ready: { type: 'command', command: 'test -f made-by-demo' } })).run('touch');
    expect(snapshot).toMatchObject({ state: 'exited', exitCode: 0 });
    expect(log.markers('touch')).toEqual(['exit 0', 'ready']);
  });

  it('fails when its post-check never passes, saying what was checked', async () => {
    const demo = defineDemo({ id: 'nothing', command: 'true', timeoutMs: 300, ready: { type: 'command', command: 'test -f never-made' } });
    const snapshot = await start(demo).run('nothing');
    expect(snapshot).toMatchObject({ state: 'failed', code: 'READY_TIMEOUT' });
    expect(snapshot.message).toContain('« test -f never-made » a échoué (code 1)');
  });
});

describe('a daemon', () => {
  const server = defineDemo({ id: 'server', kind: 'daemon', command: 'prints-then-idles "ready to serve"', ready: { type: 'log', pattern: 'ready to serve' } });

  it('goes starting → running → ready when its probe passes, marks "ready", and stops to exited with the signal', async () => {
    const ready = await start(server).run('server');
    expect(ready.state).toBe('ready');
    expect(stateNames('server')).toEqual(['starting', 'running', 'ready']);
    expect(log.markers('server')).toEqual(['ready']);

    const stopped = await orchestrator!.stop('server');
    expect(stopped).toMatchObject({ state: 'exited', signal: 'SIGTERM', runId: ready.runId });
    expect(stopped.message).toBe('arrêté (SIGTERM)');
    expect(stateNames('server')).toEqual(['starting', 'running', 'ready', 'exited']);
    expect(log.markers('server')).toEqual(['ready', 'signal SIGTERM']);
  });

  it('is ready as soon as it runs when it declares no probe', async () => {
    const snapshot = await start(defineDemo({ id: 'plain', kind: 'daemon', command: 'prints-then-idles' })).run('plain');
    expect(snapshot.state).toBe('ready');
  });

  it('fails when it exits before being ready, saying what was awaited and quoting its last lines', async () => {
    const demo = defineDemo({ id: 'dies', kind: 'daemon', command: 'exits-with 2 "bind: address already in use"', ready: { type: 'tcp', host: '127.0.0.1', port: 1 } });
    const snapshot = await start(demo).run('dies');
    expect(snapshot).toMatchObject({ state: 'failed', code: 'EXITED_BEFORE_READY', exitCode: 2 });
    expect(snapshot.message).toContain('127.0.0.1:1 accepte une connexion TCP');
    expect(snapshot.message).toContain('bind: address already in use');
  });

  it('fails when its probe does not pass in time, naming the probe and the delay, and leaves no process', async () => {
    const demo = defineDemo({ id: 'mute', kind: 'daemon', command: 'prints-then-idles "pid $$"', timeoutMs: 400, ready: { type: 'log', pattern: 'jamais' } });
    const snapshot = await start(demo).run('mute');
    expect(snapshot).toMatchObject({ state: 'failed', code: 'READY_TIMEOUT' });
    expect(snapshot.message).toBe("mute n'est pas prêt après 400 ms : aucune ligne de la sortie ne correspond à /jamais/");
    await orchestrator!.stop('mute');
    for (const pid of parsePids(snapshot.output, 'pid')) expect(isAlive(pid)).toBe(false);
  });

  it('fails with the signal and its last lines when it crashes after being ready, and dependents get a notice', async () => {
    const crashy = defineDemo({ id: 'crashy', kind: 'daemon', command: 'echo "en service"; echo "pid $$"; exec sleep 600', ready: { type: 'log', pattern: 'en service' } });
    const client = defineDemo({ id: 'client', kind: 'daemon', command: 'prints-then-idles', needs: ['crashy'] });
    const o = start(crashy, client);
    const ready = await o.run('crashy');
    await o.run('client');
    const [pid] = parsePids(await log.waitForOutput('crashy', /pid \d+/), 'pid');
    process.kill(pid!, 'SIGSEGV');
    const failed = (await log.waitFor((event) => event.type === 'state' && event.demoId === 'crashy' && event.state === 'failed')) as StateEvent;
    expect(failed).toMatchObject({ signal: 'SIGSEGV', code: 'NONZERO_EXIT' });
    expect(failed.message).toContain('en service');
    const notice = (await log.waitFor((event) => event.type === 'state' && event.demoId === 'client' && event.message !== undefined)) as StateEvent;
    expect(notice.state).toBe('ready');
    expect(notice.message).toContain('crashy, dont cette démo dépend, s\'est arrêté (signal SIGSEGV)');
    expect(o.snapshot('client').message).toBe(notice.message);

    const restarted = await o.run('crashy');
    expect(restarted.state).toBe('ready');
    expect(restarted.runId).not.toBe(ready.runId);
    expect(o.snapshot('client').message).toBeUndefined();
  });
});

describe('run()', () => {
  it('joins the live run: 100 concurrent calls start exactly one process', async () => {
    const demo = defineDemo({ id: 'once', kind: 'daemon', command: 'echo started >> starts.log\nprints-then-idles "ready to serve"', ready: { type: 'log', pattern: 'ready to serve' } });
    const o = start(demo);
    const snapshots = await Promise.all(Array.from({ length: 100 }, () => o.run('once')));
    expect(new Set(snapshots.map((snapshot) => snapshot.runId)).size).toBe(1);
    expect(snapshots.every((snapshot) => snapshot.state === 'ready')).toBe(true);
    expect(readFileSync(join(space.workspace, 'starts.log'), 'utf8')).toBe('started\n');
    expect(log.states('once').filter((event) => event.state === 'starting')).toHaveLength(1);
  });

  it('emits starting synchronously, so the snapshot has the run id at once', () => {
    const o = start(defineDemo({ id: 'quick', command: 'true' }));
    const pending = o.run('quick');
    expect(o.snapshot('quick')).toMatchObject({ state: 'starting', runId: expect.stringMatching(/^quick-/) });
    return pending;
  });

  it('with until "started" resolves once the process runs, before a daemon is ready', async () => {
    const o = start(defineDemo({ id: 'later', kind: 'daemon', command: 'prints-then-idles', ready: { type: 'log', pattern: 'jamais' } }));
    const snapshot = await o.run('later', { until: 'started' });
    expect(snapshot.state).toBe('running');
  });

  it('rejects an unknown demo id with UNKNOWN_DEMO and spawns nothing', async () => {
    const o = start(defineDemo({ id: 'known', command: 'true' }));
    await expect(o.run('unknown')).rejects.toMatchObject({ code: 'UNKNOWN_DEMO' });
    expect(log.events).toEqual([]);
  });

  it('restart stops the live run and starts a new one', async () => {
    const o = start(defineDemo({ id: 'again', kind: 'daemon', command: 'prints-then-idles' }));
    const first = await o.run('again');
    const second = await o.restart('again');
    expect(second.state).toBe('ready');
    expect(second.runId).not.toBe(first.runId);
    expect(stateNames('again')).toEqual(['starting', 'running', 'ready', 'exited', 'starting', 'running', 'ready']);
  });

  it('goes on when a subscriber throws, reporting the error, and other subscribers still get every event', async () => {
    const errors: unknown[] = [];
    orchestrator = createOrchestrator({ workspace: space.workspace, manifest: createTestManifest(defineDemo({ id: 'loud', command: 'echo bruit' })), onListenerError: (error) => errors.push(error) });
    orchestrator.subscribe(() => {
      throw new Error('listener bug');
    });
    log = recordEvents(orchestrator);
    const snapshot = await orchestrator.run('loud');
    expect(snapshot).toMatchObject({ state: 'exited', output: 'bruit\r\n' });
    expect(errors.length).toBe(log.events.length);
  });

  it('a subscriber reacting to "starting" already sees the new run in the snapshot', async () => {
    const o = start(defineDemo({ id: 'seen', command: 'true' }));
    const seen: (string | null)[] = [];
    o.subscribe((event) => {
      if (event.type === 'state' && event.state === 'starting') seen.push(o.snapshot('seen').runId);
    });
    const first = await o.run('seen');
    const second = await o.run('seen');
    expect(seen).toEqual([first.runId, second.runId]);
  });

  it('fails with a clear message when the workspace folder does not exist', async () => {
    orchestrator = createOrchestrator({ workspace: `${space.workspace}/nope`, manifest: createTestManifest(defineDemo({ id: 'lost', command: 'true' })) });
    const snapshot = await orchestrator.run('lost');
    expect(snapshot).toMatchObject({ state: 'failed', code: 'BAD_INPUT' });
    expect(snapshot.message).toBe(`Le dossier de travail ${space.workspace}/nope n'existe pas. Créez-le : mkdir -p ${space.workspace}/nope`);
  });

  it('keeps the last run in the snapshot after it ends, and snapshots() lists demos in talk order', async () => {
    const o = start(defineDemo({ id: 'first', command: 'echo un' }), defineDemo({ id: 'second', command: 'echo deux' }));
    await o.run('second');
    expect(o.snapshots().map((snapshot) => [snapshot.demoId, snapshot.state])).toEqual([['first', 'idle'], ['second', 'exited']]);
    expect(o.snapshot('second').output).toBe('deux\r\n');
  });
});
