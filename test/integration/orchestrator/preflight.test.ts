// What is checked before anything is spawned: dependencies, the binary, sudo, ports. Each problem
// is a failed state with a code and a message naming the culprit and the fix — and no process.
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import type { ResultPromise } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOrchestrator, resolveExecutable } from '../../../src/orchestrator/index.ts';
import type { Orchestrator, OrchestratorOptions } from '../../../src/orchestrator/index.ts';
import type { DemoDefinition } from '../../../src/shared/index.ts';
import { findFreePort, isAlive } from './support/process-checks.ts';
import { recordEvents } from './support/record-events.ts';
import type { EventLog } from './support/record-events.ts';
import { createTestManifest, defineDemo } from './support/test-manifest.ts';
import { createTestWorkspace, installFakeSudo } from './support/test-workspace.ts';
import type { TestWorkspace } from './support/test-workspace.ts';

let space: TestWorkspace;
let orchestrator: Orchestrator | undefined;
let log: EventLog;
let strangers: ResultPromise[] = [];

function start(demos: DemoDefinition[], options: Partial<OrchestratorOptions> = {}): Orchestrator {
  orchestrator = createOrchestrator({ workspace: space.workspace, manifest: createTestManifest(...demos), graceMs: 1_000, probeIntervalMs: 20, ...options });
  log = recordEvents(orchestrator);
  return orchestrator;
}

const spawned = (demoId: string): boolean => log.states(demoId).some((event) => event.state === 'running');

beforeEach(() => {
  space = createTestWorkspace();
});

afterEach(async () => {
  await orchestrator?.dispose();
  orchestrator = undefined;
  for (const stranger of strangers) stranger.kill('SIGKILL');
  await Promise.allSettled(strangers);
  strangers = [];
  space.cleanup();
});

describe('dependencies', () => {
  const db = defineDemo({ id: 'db', kind: 'daemon', command: 'prints-then-idles "db up"', ready: { type: 'log', pattern: 'db up' } });
  const pki = defineDemo({ id: 'pki', command: 'echo certs > pki.txt' });

  it('fail a demo whose daemon dependency is not ready, naming it and the fix, without spawning', async () => {
    const api = defineDemo({ id: 'api', kind: 'daemon', command: 'touch api-started; prints-then-idles', needs: ['db'] });
    const snapshot = await start([db, api]).run('api');
    expect(snapshot).toMatchObject({ state: 'failed', code: 'DEPENDENCY_NOT_READY' });
    expect(snapshot.message).toBe("api a besoin de db, qui n'est pas prêt (état : à lancer). Lancez d'abord db.");
    expect(spawned('api')).toBe(false);
    expect(existsSync(join(space.workspace, 'api-started'))).toBe(false);
  });

  it('fail a demo whose command dependency did not succeed', async () => {
    const badPki = defineDemo({ id: 'pki', command: 'exits-with 1' });
    const o = start([badPki, defineDemo({ id: 'use', command: 'true', needs: ['pki'] })]);
    await o.run('pki');
    const snapshot = await o.run('use');
    expect(snapshot.message).toBe("use a besoin que pki ait réussi (état : échec). Lancez d'abord pki.");
  });

  it('with start-needs, start the missing ones first, in order, then the demo', async () => {
    const api = defineDemo({ id: 'api', kind: 'daemon', command: 'prints-then-idles', needs: ['pki', 'db'], startNeeds: true });
    const snapshot = await start([pki, db, api]).run('api');
    expect(snapshot.state).toBe('ready');
    expect(orchestrator!.snapshot('pki')).toMatchObject({ state: 'exited', exitCode: 0 });
    expect(orchestrator!.snapshot('db').state).toBe('ready');
    const running = log.events.flatMap((event) => (event.type === 'state' && event.state === 'running' ? [event.demoId] : []));
    expect(running).toEqual(['pki', 'db', 'api']);
  });

  it('with start-needs, fail with the dependency\'s own failure when it cannot start', async () => {
    const brokenDb = defineDemo({ id: 'db', kind: 'daemon', command: 'exits-with 7 "corrupted data dir"', ready: { type: 'log', pattern: 'db up' } });
    const api = defineDemo({ id: 'api', kind: 'daemon', command: 'prints-then-idles', needs: ['db'], startNeeds: true });
    const snapshot = await start([brokenDb, api]).run('api');
    expect(snapshot).toMatchObject({ state: 'failed', code: 'DEPENDENCY_NOT_READY' });
    expect(snapshot.message).toMatch(/^api a besoin de db, qui a échoué : db s'est arrêté \(code 7\) avant d'être prêt/);
    expect(snapshot.message).toContain('corrupted data dir');
    expect(spawned('api')).toBe(false);
  });
});

describe('the binary', () => {
  const tool = defineDemo({ id: 'tool', command: 'bin/tool --version', binary: 'bin/tool' });

  it('missing: names it, where it was expected, and the command that fetches it', async () => {
    const snapshot = await start([tool]).run('tool');
    expect(snapshot).toMatchObject({ state: 'failed', code: 'BINARY_MISSING' });
    expect(snapshot.message).toBe(`bin/tool est introuvable (attendu : ${join(space.bin, 'tool')}). Récupérez les binaires avant la présentation : npx demystify fetch`);
    expect(spawned('tool')).toBe(false);
  });

  it('not executable: names it and the fix', async () => {
    writeFileSync(join(space.bin, 'tool'), '#!/bin/sh\necho hi\n');
    chmodSync(join(space.bin, 'tool'), 0o644);
    const snapshot = await start([tool]).run('tool');
    expect(snapshot).toMatchObject({ state: 'failed', code: 'BINARY_NOT_EXECUTABLE' });
    expect(snapshot.message).toContain('chmod +x bin/tool');
  });

  it('built for another architecture: says which, and which this machine is', async () => {
    const other = process.arch === 'arm64' ? { machine: 62, name: 'amd64' } : { machine: 183, name: 'arm64' };
    const header = Buffer.alloc(64);
    header.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1], 0);
    header.writeUInt16LE(2, 16);
    header.writeUInt16LE(other.machine, 18);
    writeFileSync(join(space.bin, 'tool'), header, { mode: 0o755 });
    const snapshot = await start([tool]).run('tool');
    expect(snapshot).toMatchObject({ state: 'failed', code: 'BINARY_WRONG_ARCH' });
    expect(snapshot.message).toBe(`bin/tool est un binaire ${other.name}, cette machine est ${process.arch === 'arm64' ? 'arm64' : 'amd64'}. Récupérez la bonne version : npx demystify fetch`);
  });

  it('present through a symlink to a system binary: runs', async () => {
    symlinkSync(resolveExecutable('true', process.env['PATH'])!, join(space.bin, 'tool'));
    expect(await start([tool]).run('tool')).toMatchObject({ state: 'exited', exitCode: 0 });
  });
});

describe('root demos', () => {
  const rootDemo = defineDemo({ id: 'containerd', kind: 'daemon', root: true, command: 'echo "as root: $DEMYSTIFY_DEMO_ID"; prints-then-idles', ready: { type: 'log', pattern: 'as root' } });

  it('fail without spawning when sudo would prompt, saying what to run before the talk', async () => {
    const path = installFakeSudo(space, 'prompts');
    const snapshot = await start([rootDemo], { isRoot: false, env: { PATH: path } }).run('containerd');
    expect(snapshot).toMatchObject({ state: 'failed', code: 'SUDO_WOULD_PROMPT' });
    expect(snapshot.message).toBe('containerd doit tourner en root et sudo demande un mot de passe. Avant la présentation, lancez : sudo -v (ou ajoutez une règle sudoers NOPASSWD pour votre utilisateur).');
    expect(spawned('containerd')).toBe(false);
  });

  it('fail clearly when sudo is not installed', async () => {
    const tools = join(space.workspace, 'tools');
    mkdirSync(tools);
    for (const name of ['bash', 'env']) symlinkSync(resolveExecutable(name, process.env['PATH'])!, join(tools, name));
    const snapshot = await start([rootDemo], { isRoot: false, env: { PATH: tools } }).run('containerd');
    expect(snapshot).toMatchObject({ state: 'failed', code: 'SUDO_WOULD_PROMPT' });
    expect(snapshot.message).toContain('sudo est introuvable');
  });

  it('run through sudo -n when we are not root, with the run\'s environment passed explicitly, and stop', async () => {
    const path = installFakeSudo(space, 'allows');
    const sudoLog = join(space.workspace, 'sudo.log');
    const o = start([rootDemo], { isRoot: false, env: { PATH: path, FIXTURE_SUDO_LOG: sudoLog } });
    const snapshot = await o.run('containerd');
    expect(snapshot.state).toBe('ready');
    expect(snapshot.output).toContain('as root: containerd');
    const calls = readFileSync(sudoLog, 'utf8').trim().split('\n');
    expect(calls[0]).toBe('-n true');
    expect(calls[1]).toMatch(/^-n -- \S*env PATH=\S+ TERM=xterm-256color DEMYSTIFY_RUN_ID=containerd-\S+ DEMYSTIFY_DEMO_ID=containerd FIXTURE_SUDO_LOG=\S+ \S*bash -o pipefail -c echo/);
    expect((await o.stop('containerd')).state).toBe('exited');
  });

  it('run directly when we are root', async () => {
    const path = installFakeSudo(space, 'allows');
    const sudoLog = join(space.workspace, 'sudo.log');
    const snapshot = await start([rootDemo], { isRoot: true, env: { PATH: path, FIXTURE_SUDO_LOG: sudoLog } }).run('containerd');
    expect(snapshot.state).toBe('ready');
    expect(existsSync(sudoLog)).toBe(false);
  });
});

describe('ports', () => {
  it('held by a stranger: fail naming its pid and command, and never touch it', async () => {
    const port = await findFreePort();
    const stranger = execa(join(space.bin, 'http-server'), [String(port)], { buffer: false });
    strangers.push(stranger);
    await new Promise((resolve) => stranger.stdout?.once('data', resolve));
    const demo = defineDemo({ id: 'etcd', kind: 'daemon', command: `http-server ${port}`, ports: [port] });
    const snapshot = await start([demo]).run('etcd');
    expect(snapshot).toMatchObject({ state: 'failed', code: 'PORT_IN_USE' });
    expect(snapshot.message).toContain(`Le port ${port} est déjà pris par le pid ${stranger.pid} (`);
    expect(snapshot.message).toContain('http-server');
    expect(spawned('etcd')).toBe(false);
    expect(isAlive(stranger.pid!)).toBe(true);
  });

  it('held by another live demo: fail naming that demo', async () => {
    const port = await findFreePort();
    const first = defineDemo({ id: 'first', kind: 'daemon', command: `http-server ${port}`, ports: [port], ready: { type: 'tcp', host: '127.0.0.1', port } });
    const second = defineDemo({ id: 'second', kind: 'daemon', command: `http-server ${port}`, ports: [port] });
    const o = start([first, second]);
    expect((await o.run('first')).state).toBe('ready');
    const snapshot = await o.run('second');
    expect(snapshot.code).toBe('PORT_IN_USE');
    expect(snapshot.message).toMatch(new RegExp(`^Le port ${port} est déjà pris par la démo first \\(pid \\d+\\)\\. Arrêtez d'abord first\\.$`));
  });
});
