// security.md rows 11, 13, 14 and 18 through the API of the running server: what the page receives
// (the POST answer, the event stream, /api/state) is a structured failure naming the cause and the
// fix; nothing hangs, nothing is left running.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { describeProcess, isAlive, parsePids, waitUntil } from '../orchestrator/support/process-checks.ts';
import { defineDemo } from '../orchestrator/support/test-manifest.ts';
import { installFakeSudo } from '../orchestrator/support/test-workspace.ts';
import { getSnapshot, postAction } from './support/api-client.ts';
import { isState, openEventStream } from './support/event-stream-client.ts';
import type { EventStreamClient } from './support/event-stream-client.ts';
import { startLiveHarness } from './support/live-harness.ts';
import type { LiveHarness, LiveHarnessOptions } from './support/live-harness.ts';

let h: LiveHarness | undefined;
let stream: EventStreamClient | undefined;
const leftovers: number[] = [];

async function start(options: LiveHarnessOptions): Promise<{ harness: LiveHarness; page: EventStreamClient }> {
  h = await startLiveHarness(options);
  stream = await openEventStream({ port: h.port, cookie: h.cookie });
  return { harness: h, page: stream };
}

afterEach(async () => {
  stream?.close();
  await h?.close();
  h = undefined;
  for (const pid of leftovers.splice(0)) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
});

test('row 11: a missing, non-executable or foreign-architecture binary fails the run naming the binary and the fix', async () => {
  const other = process.arch === 'arm64' ? { machine: 62, name: 'amd64' } : { machine: 183, name: 'arm64' };
  const { harness, page } = await start({
    demos: [
      defineDemo({ id: 'missing', kind: 'daemon', command: 'bin/kube-apiserver --help', binary: 'bin/kube-apiserver' }),
      defineDemo({ id: 'not-executable', command: 'bin/tool', binary: 'bin/tool' }),
      defineDemo({ id: 'wrong-arch', command: 'bin/foreign', binary: 'bin/foreign' }),
    ],
    prepare: (space) => {
      writeFileSync(join(space.bin, 'tool'), '#!/bin/sh\necho hi\n');
      chmodSync(join(space.bin, 'tool'), 0o644);
      const header = Buffer.alloc(64);
      header.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1], 0);
      header.writeUInt16LE(2, 16);
      header.writeUInt16LE(other.machine, 18);
      writeFileSync(join(space.bin, 'foreign'), header, { mode: 0o755 });
    },
  });
  const cases: [string, string, RegExp][] = [
    ['missing', 'BINARY_MISSING', /bin\/kube-apiserver est introuvable .*npx demystify fetch/],
    ['not-executable', 'BINARY_NOT_EXECUTABLE', /bin\/tool n'est pas exécutable .*chmod \+x bin\/tool/],
    ['wrong-arch', 'BINARY_WRONG_ARCH', new RegExp(`bin/foreign est un binaire ${other.name}, cette machine est .*npx demystify fetch`)],
  ];
  for (const [id, code, message] of cases) {
    const answer = await postAction(harness, 'run', id);
    expect(answer, id).toMatchObject({ state: 'failed', code });
    expect(answer.message).toMatch(message);
    const event = await page.waitFor(isState(id, 'failed'), undefined, `${id} failed`);
    expect(event).toMatchObject({ code, message: answer.message });
    expect(await getSnapshot(harness, id)).toMatchObject({ state: 'failed', code, message: answer.message });
  }
  expect(harness.spawns).toEqual([]);
});

test('row 13: a daemon that crashes is failed with its signal and last lines, its dependents say so, and a restart works', async () => {
  const { harness, page } = await start({
    demos: [
      defineDemo({ id: 'base', kind: 'daemon', command: 'prints-then-idles "base: démarré" "base: à l\'écoute"', ready: { type: 'log', pattern: 'écoute' } }),
      defineDemo({ id: 'upper', kind: 'daemon', needs: ['base'], command: 'prints-then-idles "upper prêt"', ready: { type: 'log', pattern: 'prêt' } }),
    ],
  });
  const base = await postAction(harness, 'run', 'base');
  await page.waitFor(isState('base', 'ready'), undefined, 'base ready');
  await postAction(harness, 'run', 'upper');
  await page.waitFor(isState('upper', 'ready'), undefined, 'upper ready');

  const pid = harness.spawns.find((spawn) => spawn.demoId === 'base')?.pid ?? 0;
  process.kill(pid, 'SIGSEGV');
  const crashed = await page.waitFor((message) => message.type === 'state' && message.runId === base.runId && message.state === 'failed', undefined, 'base failed');
  expect(crashed).toMatchObject({ code: 'NONZERO_EXIT', signal: 'SIGSEGV' });
  expect(crashed.type === 'state' && crashed.message).toMatch(/base s'est arrêté \(signal SIGSEGV\)\.\nDernières lignes :\nbase: démarré\nbase: à l'écoute/);
  const notice = await page.waitFor((message) => message.type === 'state' && message.demoId === 'upper' && (message.message ?? '').includes('base'), undefined, 'the notice on upper');
  expect(notice).toMatchObject({ state: 'ready', message: expect.stringMatching(/Attention : base, dont cette démo dépend, s'est arrêté \(signal SIGSEGV\)/) });
  expect((await getSnapshot(harness, 'upper')).message).toMatch(/Attention : base/);

  const again = await postAction(harness, 'restart', 'base');
  expect(again.runId).not.toBe(base.runId);
  await page.waitFor((message) => message.type === 'state' && message.runId === again.runId && message.state === 'ready', undefined, 'base ready again');
  await page.waitFor((message) => message.type === 'state' && message.demoId === 'upper' && message.state === 'ready' && message.message === undefined, undefined, 'the notice cleared');
  expect((await getSnapshot(harness, 'upper')).message).toBeUndefined();
  expect(harness.spawns.map((spawn) => spawn.demoId)).toEqual(['base', 'upper', 'base']);
});

test('row 14: stopping a daemon that ignores SIGTERM, forks, or double-forks leaves nothing running', async () => {
  const { harness, page } = await start({
    graceMs: 300,
    demos: [
      defineDemo({ id: 'stubborn', kind: 'daemon', command: 'ignores-sigterm', ready: { type: 'log', pattern: 'ignoring SIGTERM' } }),
      defineDemo({ id: 'forker', kind: 'daemon', command: 'forks-child', ready: { type: 'log', pattern: 'parent' } }),
      defineDemo({ id: 'double', kind: 'daemon', command: 'forks-child --double', ready: { type: 'log', pattern: 'parent' } }),
    ],
  });
  for (const id of ['stubborn', 'forker', 'double']) {
    await postAction(harness, 'run', id);
    await page.waitFor(isState(id, 'ready'), undefined, `${id} ready`);
  }
  const pids = {
    stubborn: [harness.spawns[0]?.pid ?? 0],
    forker: parsePids(page.output('forker'), 'child').concat(parsePids(page.output('forker'), 'parent')),
    double: parsePids(page.output('double'), 'grandchild').concat(parsePids(page.output('double'), 'parent')),
  };
  leftovers.push(...Object.values(pids).flat());
  for (const list of Object.values(pids)) expect(list.every(isAlive)).toBe(true);

  const stubborn = await postAction(harness, 'stop', 'stubborn');
  expect(stubborn).toMatchObject({ state: 'exited', signal: 'SIGKILL', message: expect.stringMatching(/arrêté de force \(SIGKILL\) après/) });
  expect(await postAction(harness, 'stop', 'forker')).toMatchObject({ state: 'exited', signal: 'SIGTERM' });
  expect(await postAction(harness, 'stop', 'double')).toMatchObject({ state: 'exited' });
  for (const [id, list] of Object.entries(pids)) {
    for (const pid of list) await waitUntil(() => !isAlive(pid), 5_000, `${id} process gone: ${describeProcess(pid)}`);
  }
});

test('row 18: a root demo whose sudo would prompt fails at once with what to run before the talk, spawning nothing', async () => {
  const { harness, page } = await start({
    isRoot: false,
    // A sudo that needs a password, first on the runs' PATH.
    env: (space) => ({ PATH: installFakeSudo(space, 'prompts') }),
    demos: [defineDemo({ id: 'containerd', kind: 'daemon', root: true, command: 'prints-then-idles "as root"' })],
  });
  const started = performance.now();
  const answer = await postAction(harness, 'run', 'containerd');
  expect(performance.now() - started).toBeLessThan(5_000);
  expect(answer).toMatchObject({ state: 'failed', code: 'SUDO_WOULD_PROMPT', message: expect.stringMatching(/lancez : sudo -v/) });
  expect(await page.waitFor(isState('containerd', 'failed'), undefined, 'containerd failed')).toMatchObject({ code: 'SUDO_WOULD_PROMPT' });
  expect(harness.spawns).toEqual([]);
});
