// `demystify doctor` on this machine (Debian etcd 3.4, no kube binaries, Chromium installed), and
// the port check naming who holds a port.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPortsCheck } from '../../../src/cli/doctor/index.ts';
import { runDoctorCommand } from '../../../src/cli/doctor-command.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demystify-doctor-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function runDoctor(args: string[]): Promise<{ code: number; output: string }> {
  const chunks: string[] = [];
  const code = await runDoctorCommand(['--workspace', join(dir, 'workspace'), ...args], { stdout: { write: (text: string) => chunks.push(text) }, cacheDir: join(dir, 'cache') });
  return { code, output: chunks.join('') };
}

describe('demystify doctor on this machine', () => {
  it('shows etcd as the system 3.4 instead of the pinned 3.5.14, kube-apiserver missing with the fetch command, and Chromium found', async () => {
    const { code, output } = await runDoctor([]);
    const lines = output.split('\n');

    expect(output).toMatch(/^! warn {2}binaries {5}etcd +etcd 3\.4\.\d+ from \/usr\/bin\/etcd \(Debian package etcd-server\) instead of pinned 3\.5\.14$/m);
    const apiserver = lines.findIndex((line) => /^✘ FAIL {2}binaries {5}kube-apiserver +missing \(pinned 1\.31\.0-alpha\.0\)$/.test(line));
    expect(apiserver).toBeGreaterThan(-1);
    expect(lines[apiserver + 1]).toBe('        fix: npx demystify fetch --only kubernetes-server');
    expect(output).toMatch(/^✔ ok {4}tools {8}chromium +Chromium \d+[\d.]* at \/\S+/m);
    expect(output).toMatch(/^✔ ok {4}privileges {3}root\/sudo +running as root$/m);
    expect(output).toMatch(/^✔ ok {4}cgroups {6}cgroup driver +cgroup (v1|v2)/m);
    const capEff = BigInt(`0x${/^CapEff:\s*([0-9a-f]+)$/m.exec(await readFile('/proc/self/status', 'utf8'))?.[1]}`);
    const hasSysResource = ((capEff >> 24n) & 1n) === 1n;
    expect(output).toMatch(hasSysResource ? /^✔ ok {4}capabilities CAP_SYS_RESOURCE +present/m : /^! warn {2}capabilities CAP_SYS_RESOURCE +missing \(CapEff\).*restrict_oom_score_adj = true/m);
    expect(lines.at(-2)).toMatch(/^\d+ problems? blocks? the live demos/);
    expect(code).toBe(1);
  });

  it('prints the same findings as JSON with --json', async () => {
    const { code, output } = await runDoctor(['--json']);
    const report = JSON.parse(output) as { ok: boolean; profile: string; rows: Array<{ group: string; name: string; status: string; detail: string; fix?: string }> };

    expect(code).toBe(1);
    expect(report).toMatchObject({ ok: false, profile: 'talk-1.31' });
    expect(report.rows.find((row) => row.name === 'kube-apiserver')).toEqual({ group: 'binaries', name: 'kube-apiserver', status: 'fail', detail: 'missing (pinned 1.31.0-alpha.0)', fix: 'npx demystify fetch --only kubernetes-server' });
    expect(report.rows.find((row) => row.name === 'cilium')).toMatchObject({ status: 'warn', detail: 'missing (pinned 0.16.10), only for an online option of the talk' });
    expect(report.rows.map((row) => row.group)).toEqual(expect.arrayContaining(['binaries', 'privileges', 'ports', 'cgroups', 'kernel', 'capabilities', 'tools']));
  });
});

describe('the ports check', () => {
  let server: Server;

  beforeEach(async () => {
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('names the pid and command holding a taken port, with the fix', async () => {
    const port = (server.address() as { port: number }).port;

    const [row] = await createPortsCheck({ procRoot: '/proc' }, [{ port, user: 'test listener' }]).run();

    expect(row).toMatchObject({ status: 'fail', name: `${port} (test listener)` });
    expect(row?.detail).toMatch(new RegExp(`^in use by pid ${process.pid} \\(\\S*node`));
    expect(row?.fix).toBe(`stop it: \`npx demystify reset\` if demystify started it, else \`kill ${process.pid}\``);
  });

  it('says a port nobody listens on is free', async () => {
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

    const [row] = await createPortsCheck({ procRoot: '/proc' }, [{ port, user: 'test' }]).run();

    expect(row).toMatchObject({ status: 'ok', detail: 'free' });
  });
});
