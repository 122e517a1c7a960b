// security.md rows 12 and 15 with `demystify serve` itself: a stale process of ours holding a
// daemon's port is reaped on the next start, a stranger holding it is named and never touched;
// `serve` killed with SIGKILL or stopped by Ctrl-C twice leaves no demo running and no port held.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import type { ResultPromise } from 'execa';
import { afterEach, expect, test } from 'vitest';
import { isPortFree } from '../../../src/orchestrator/index.ts';
import { createLiveServeEnv, FIXTURE_PROGRAMS, renderDemoBlock, writeLiveDeck } from '../../fixtures/decks/live-deck.ts';
import { startServeCommand } from '../../fixtures/decks/start-serve-command.ts';
import type { ServeProcess } from '../../fixtures/decks/start-serve-command.ts';
import { describeProcess, findFreePort, isAlive, killQuietly, parsePids, waitUntil } from '../orchestrator/support/process-checks.ts';
import { defineDemo } from '../orchestrator/support/test-manifest.ts';
import { getSnapshot, postAction } from './support/api-client.ts';
import { isState, openEventStream } from './support/event-stream-client.ts';
import { startLiveHarness } from './support/live-harness.ts';
import type { LiveHarness } from './support/live-harness.ts';

let root: string | undefined;
const serves: ServeProcess[] = [];
const pids: number[] = [];
let stranger: ResultPromise | undefined;
let harness: LiveHarness | undefined;

afterEach(async () => {
  for (const serve of serves.splice(0)) serve.signalGroup('SIGKILL');
  killQuietly(pids.splice(0));
  stranger?.kill('SIGKILL');
  await stranger?.catch(() => undefined);
  stranger = undefined;
  await harness?.close();
  harness = undefined;
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

/** A fixture deck whose daemons print their pid first; `holder` listens on `port` and survives a hangup. */
async function startServe(port: number, workspace?: string): Promise<ServeProcess> {
  root ??= mkdtempSync(join(tmpdir(), 'demystify-lifecycle-'));
  const source = writeLiveDeck(join(root, 'src'), [
    {
      title: 'Des démons',
      blocks: [
        renderDemoBlock('plain daemon ready=log:pid', 'echo "pid $$"; exec prints-then-idles "plain prêt"'),
        renderDemoBlock(`holder daemon ready=tcp:127.0.0.1:${port} ports=${port}`, `echo "pid $$"; FIXTURE_IGNORE_SIGHUP=1 exec http-server ${port}`),
        renderDemoBlock('stubborn daemon ready=log:ignoring', 'ignores-sigterm'),
      ],
    },
  ]);
  const serve = await startServeCommand(['--no-watch', '--source', source, '--out', join(root, 'out'), '--workspace', workspace ?? join(root, 'ws'), '--recordings', join(root, 'rec')], {
    env: createLiveServeEnv(join(root, 'cache')),
  });
  serves.push(serve);
  return serve;
}

async function runReady(serve: ServeProcess, id: string): Promise<number> {
  const page = await openEventStream({ port: serve.port, cookie: serve.cookie });
  try {
    const { runId } = await postAction(serve, 'run', id);
    await page.waitFor((message) => message.type === 'state' && message.runId === runId && message.state === 'ready', undefined, `${id} ready`);
    const snapshot = await getSnapshot(serve, id);
    const [pid] = parsePids(snapshot.output, 'pid');
    if (pid === undefined) throw new Error(`${id} printed no pid: ${snapshot.output}`);
    pids.push(pid);
    return pid;
  } finally {
    page.close();
  }
}

test('serve killed with SIGKILL: its demos die with it or are reaped by the next start, which frees their port', async () => {
  const port = await findFreePort();
  const first = await startServe(port);
  const plain = await runReady(first, 'plain');
  const holder = await runReady(first, 'holder');
  expect(await isPortFree(port)).toBe(false);

  first.signalGroup('SIGKILL');
  await first.exited;
  expect(isAlive(holder), 'the SIGHUP-proof daemon survived the crash').toBe(true);

  // (`plain` should die of the terminal hangup at once, but node-pty 1.1 leaks each PTY master
  // into later children, so `holder` keeps plain's terminal open: the next start reaps both.)
  const second = await startServe(port, join(root ?? '', 'ws'));
  await waitUntil(() => !isAlive(holder) && !isAlive(plain), 15_000, `the next start to reap what is left: ${describeProcess(holder)} / ${describeProcess(plain)}`);
  expect(second.stderr()).toMatch(/reaped a process left by a previous session: holder/);
  await waitUntil(() => isPortFree(port), 5_000, `port ${port} to be free`);
  const again = await runReady(second, 'holder');
  expect(again).not.toBe(holder);

  expect(await second.stop()).toMatchObject({ exitCode: 0 });
  await waitUntil(() => !isAlive(again), 10_000, 'the demo to stop with serve');
  expect(await isPortFree(port)).toBe(true);
});

test('Ctrl-C twice kills every demo at once, even one that ignores SIGTERM, and frees their ports', async () => {
  const port = await findFreePort();
  const serve = await startServe(port);
  const holder = await runReady(serve, 'holder');
  const stubborn = await runReady(serve, 'stubborn');

  serve.signalGroup('SIGINT');
  await waitUntil(() => /SIGINT: stopping the demos/.test(serve.stderr()), 10_000, 'the first Ctrl-C to be taken');
  const secondAt = performance.now();
  serve.signalGroup('SIGINT');
  expect(await serve.exited).toMatchObject({ exitCode: 130 });
  await waitUntil(() => !isAlive(holder) && !isAlive(stubborn), 3_000, `every demo to be killed: ${describeProcess(holder)} / ${describeProcess(stubborn)}`);
  expect(performance.now() - secondAt, 'killed at once, without the 5 s grace').toBeLessThan(4_000);
  expect(await isPortFree(port)).toBe(true);
});

test('a port held by another program fails the daemon naming that program, which is left running', async () => {
  const port = await findFreePort();
  stranger = execa(join(FIXTURE_PROGRAMS, 'http-server'), [String(port)], { reject: false, stdin: 'ignore' });
  await waitUntil(async () => !(await isPortFree(port)), 10_000, 'the stranger to listen');
  harness = await startLiveHarness({ demos: [defineDemo({ id: 'etcd', kind: 'daemon', ports: [port], command: `http-server ${port}`, ready: { type: 'tcp', host: '127.0.0.1', port } })] });
  const page = await openEventStream({ port: harness.port, cookie: harness.cookie });
  try {
    const answer = await postAction(harness, 'run', 'etcd');
    expect(answer).toMatchObject({ state: 'failed', code: 'PORT_IN_USE' });
    expect(answer.message).toContain(`Le port ${port} est déjà pris par`);
    expect(answer.message).toContain(`pid ${stranger.pid}`);
    expect(answer.message).toContain('il n\'a pas été lancé par la présentation, il n\'est pas touché');
    await page.waitFor(isState('etcd', 'failed'), undefined, 'etcd failed on the stream');
    expect(harness.spawns).toEqual([]);
    expect(isAlive(stranger.pid ?? 0)).toBe(true);
    expect(await isPortFree(port)).toBe(false);
  } finally {
    page.close();
  }
});
