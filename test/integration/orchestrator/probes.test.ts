// Each readiness probe against real servers (fixtures), alone and through the orchestrator.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import type { ResultPromise } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createAllProbe,
  createCommandProbe,
  createHttpProbe,
  createLogProbe,
  createOrchestrator,
  createSocketProbe,
  createTcpProbe,
} from '../../../src/orchestrator/index.ts';
import type { Orchestrator, Probe, ProbeContext } from '../../../src/orchestrator/index.ts';
import { findFreePort } from './support/process-checks.ts';
import { createTestManifest, defineDemo } from './support/test-manifest.ts';
import { createTestWorkspace } from './support/test-workspace.ts';
import type { TestWorkspace } from './support/test-workspace.ts';

let space: TestWorkspace;
let servers: ResultPromise[] = [];
let orchestrator: Orchestrator | undefined;

function createContext(output = ''): ProbeContext & { wakes: number; feed(text: string): void } {
  const listeners = new Set<(text: string) => void>();
  let text = output;
  const context = {
    workspace: space.workspace,
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin' },
    launch: (command: string) => ({ file: 'bash', args: ['-c', command] }),
    output: { text: () => text, subscribe: (listener: (chunk: string) => void) => (listeners.add(listener), () => void listeners.delete(listener)) },
    signal: new AbortController().signal,
    wakes: 0,
    wake: () => void (context.wakes += 1),
    feed(chunk: string) {
      text += chunk;
      for (const listener of listeners) listener(chunk);
    },
  };
  return context;
}

/** Starts a fixture server and resolves with what it printed first ("listening on …"). */
async function startServer(name: string, ...args: string[]): Promise<string> {
  const server = execa(join(space.bin, name), args, { cwd: space.workspace, buffer: false });
  servers.push(server);
  return new Promise((resolve, reject) => {
    server.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    server.once('error', reject);
  });
}

beforeEach(() => {
  space = createTestWorkspace();
});

afterEach(async () => {
  await orchestrator?.dispose();
  orchestrator = undefined;
  for (const server of servers) server.kill('SIGKILL');
  await Promise.allSettled(servers);
  servers = [];
  space.cleanup();
});

describe('the http probe', () => {
  it('is ready on a 2xx answer and says what it got otherwise', async () => {
    const okPort = (await startServer('http-server', '0', '200')).split(' ').at(-1);
    const busyPort = (await startServer('http-server', '0', '503')).split(' ').at(-1);
    const ok = await createHttpProbe({ type: 'http', url: `http://127.0.0.1:${okPort}/health` }).check(createContext());
    expect(ok).toEqual({ ready: true, detail: `http://127.0.0.1:${okPort}/health répond 200` });
    const busy = await createHttpProbe({ type: 'http', url: `http://127.0.0.1:${busyPort}/` }).check(createContext());
    expect(busy).toEqual({ ready: false, detail: `http://127.0.0.1:${busyPort}/ répond 503` });
  });

  it('says the server does not answer when nothing listens', async () => {
    const port = await findFreePort();
    const result = await createHttpProbe({ type: 'http', url: `https://127.0.0.1:${port}/health` }).check(createContext());
    expect(result).toEqual({ ready: false, detail: `https://127.0.0.1:${port}/health ne répond pas (ECONNREFUSED)` });
  });

  it('names a missing certificate file, relative to the workspace', async () => {
    const probe = createHttpProbe({ type: 'http', url: 'https://127.0.0.1:1/health', ca: 'certs/ca.pem', cert: 'certs/admin.pem', key: 'certs/admin-key.pem' });
    expect((await probe.check(createContext())).detail).toBe('https://127.0.0.1:1/health : le fichier certs/ca.pem est introuvable');
  });
});

describe('the connection probes', () => {
  it('tcp: ready when the port accepts, refused otherwise', async () => {
    const port = Number((await startServer('http-server', '0')).split(' ').at(-1));
    expect(await createTcpProbe('127.0.0.1', port).check(createContext())).toEqual({ ready: true, detail: `127.0.0.1:${port} accepte les connexions` });
    const free = await findFreePort();
    expect(await createTcpProbe('127.0.0.1', free).check(createContext())).toEqual({ ready: false, detail: `127.0.0.1:${free} refuse la connexion (ECONNREFUSED)` });
  });

  it('unix socket: ready when a workspace-relative socket accepts a connection', async () => {
    const probe = createSocketProbe('run/app.sock');
    expect(await probe.check(createContext())).toEqual({ ready: false, detail: 'le socket run/app.sock refuse la connexion (ENOENT)' });
    await startServer('unix-server', join(space.workspace, 'app.sock'));
    expect((await createSocketProbe('app.sock').check(createContext())).ready).toBe(true);
  });
});

describe('the command and all probes', () => {
  it('command: ready when it exits 0, quoting the failure otherwise', async () => {
    const probe = createCommandProbe('test -f flag || { echo "pas de flag" >&2; exit 3; }');
    expect(await probe.check(createContext())).toEqual({ ready: false, detail: '« test -f flag || { echo "pas de flag" >&2; exit 3; } » a échoué (code 3) : pas de flag' });
    writeFileSync(join(space.workspace, 'flag'), '');
    expect((await probe.check(createContext())).ready).toBe(true);
  });

  it('all: ready when every probe is, otherwise the first that is not says why', async () => {
    const probe: Probe = createAllProbe([createLogProbe('up'), createCommandProbe('test -f flag')]);
    expect(probe.description).toBe('une ligne de la sortie correspond à /up/ et « test -f flag » réussit (code 0)');
    expect(await probe.check(createContext('up\n'))).toMatchObject({ ready: false, detail: '« test -f flag » a échoué (code 1)' });
    writeFileSync(join(space.workspace, 'flag'), '');
    expect((await probe.check(createContext('up\n'))).ready).toBe(true);
  });
});

describe('probes through the orchestrator', () => {
  it('a daemon is ready when its http, tcp or socket probe passes', async () => {
    const [webPort, tcpPort] = [await findFreePort(), await findFreePort()];
    const manifest = createTestManifest(
      defineDemo({ id: 'web', kind: 'daemon', command: `http-server ${webPort}`, ready: { type: 'http', url: `http://127.0.0.1:${webPort}/` } }),
      defineDemo({ id: 'tcp', kind: 'daemon', command: `http-server ${tcpPort}`, ready: { type: 'tcp', host: '127.0.0.1', port: tcpPort } }),
      defineDemo({ id: 'sock', kind: 'daemon', command: 'mkdir -p sock\nunix-server sock/app.sock', ready: { type: 'socket', path: 'sock/app.sock' } }),
    );
    orchestrator = createOrchestrator({ workspace: space.workspace, manifest, probeIntervalMs: 20 });
    const results = await Promise.all(['web', 'tcp', 'sock'].map((id) => orchestrator!.run(id)));
    expect(results.map((snapshot) => [snapshot.demoId, snapshot.state])).toEqual([['web', 'ready'], ['tcp', 'ready'], ['sock', 'ready']]);
  });
});
