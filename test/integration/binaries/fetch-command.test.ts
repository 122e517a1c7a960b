// `demystify fetch` as a user runs it: lines on stderr while it works, the workspace links and a verdict on stdout.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FETCH_USAGE, runFetchCommand } from '../../../src/cli/fetch-command.ts';
import { detectHostArch } from '../../../src/binaries/index.ts';
import { createFakeMirror, serveMirror, type FakeMirror, type MirrorServer } from './fake-mirror.ts';

const HOST_ARCH = detectHostArch() ?? 'amd64';

function createOutput(isTTY: boolean) {
  const chunks: string[] = [];
  return { isTTY, write: (text: string) => chunks.push(text), text: () => chunks.join('') };
}

let mirror: FakeMirror;
let server: MirrorServer;

beforeEach(async () => {
  mirror = await createFakeMirror(HOST_ARCH);
  server = await serveMirror(mirror.root);
});

afterEach(async () => {
  await server.close();
  await mirror.cleanup();
});

function runFetch(args: string[], stderrIsTTY = false) {
  const stdout = createOutput(false);
  const stderr = createOutput(stderrIsTTY);
  const env = { DEMYSTIFY_MIRROR: server.baseUrl, DEMYSTIFY_CACHE_DIR: mirror.cacheDir, PATH: '/nonexistent' };
  const code = runFetchCommand(['--manifest', mirror.manifestPath, '--workspace', mirror.workspace, ...args], { stdout, stderr, env });
  return { code, stdout, stderr };
}

describe('demystify fetch (command)', () => {
  it('prints plain progress lines off a terminal, then the workspace links, and exits 0', async () => {
    const { code, stdout, stderr } = runFetch(['--only', 'kube-apiserver,etcd']);

    expect(await code).toBe(0);
    expect(stderr.text()).not.toContain('\r');
    expect(stderr.text()).toContain(`↓ kubernetes-server 1.31.0-alpha.0 (linux/${HOST_ARCH}): downloading ${server.baseUrl}/dl.k8s.io/v1.31.0-alpha.0/kubernetes-server-linux-${HOST_ARCH}.tar.gz`);
    expect(stderr.text()).toMatch(/✔ kubernetes-server .*: sha256 [0-9a-f]{16}… verified \(from the checksum file http:\/\/127\.0\.0\.1:\d+\/dl\.k8s\.io\/.*\.sha256\)/);
    expect(stderr.text()).toContain(`✔ etcd 3.5.14 (linux/${HOST_ARCH}): installed etcd, etcdctl`);
    expect(stdout.text()).toContain('  ✔ kube-apiserver 1.31.0-alpha.0 (pinned, verified in the cache)');
    expect(stdout.text()).toContain(`2 of 2 artifacts ready (profile fixture, linux/${HOST_ARCH}).`);
  });

  it('draws a progress bar on a terminal', async () => {
    const { code, stderr } = runFetch(['--only', 'runc'], true);

    expect(await code).toBe(0);
    expect(stderr.text()).toMatch(/\r\x1b\[2K {2}runc \[#{24}\] 100% 0\.0 MB \/ 0\.0 MB/);
  });

  it('says it found everything in the cache on a second run', async () => {
    expect(await runFetch(['--only', 'runc']).code).toBe(0);

    const { code, stderr } = runFetch(['--only', 'runc']);

    expect(await code).toBe(0);
    expect(stderr.text()).toBe(`✔ runc 1.2.0-rc.1 (linux/${HOST_ARCH}): already in the cache, verified (no download)\n`);
  });

  it('exits 1 and names the failed artifact when a download fails', async () => {
    server.interrupt.add(`/dl.k8s.io/v1.31.0-alpha.0/kubernetes-server-linux-${HOST_ARCH}.tar.gz`);

    const { code, stdout, stderr } = runFetch(['--only', 'kubernetes-server']);

    expect(await code).toBe(1);
    expect(stderr.text()).toContain(`✘ kubernetes-server 1.31.0-alpha.0 (linux/${HOST_ARCH}): Download of ${server.baseUrl}/dl.k8s.io/v1.31.0-alpha.0/kubernetes-server-linux-${HOST_ARCH}.tar.gz failed: the download was interrupted`);
    expect(stdout.text()).toContain('0 of 1 artifacts ready');
    expect(stdout.text()).toContain('failed: kubernetes-server');
    expect(stdout.text()).toContain('✘ kube-apiserver 1.31.0-alpha.0 is missing: run `npx demystify fetch --only kubernetes-server`');
  });

  it('prints its usage with --help', async () => {
    const { code, stdout } = runFetch(['--help']);

    expect(await code).toBe(0);
    expect(stdout.text()).toBe(`${FETCH_USAGE}\n`);
    expect(FETCH_USAGE).toContain('DEMYSTIFY_MIRROR=<base>');
  });

  it('rejects an unknown --only name with the names it accepts', async () => {
    await expect(runFetch(['--only', 'kube-apiservr']).code).rejects.toThrow('Expected --only to name artifacts (kubernetes-server, etcd, runc, cni-plugins) or executables (kube-apiserver,');
  });

  it('rejects a mirror that is not an http(s) or file URL', async () => {
    const stdout = createOutput(false);
    const run = runFetchCommand(['--manifest', mirror.manifestPath], { stdout, stderr: stdout, env: { DEMYSTIFY_MIRROR: 'ftp://mirror.example' } });
    await expect(run).rejects.toThrow('Expected DEMYSTIFY_MIRROR to be an http://, https:// or file:// base URL, got "ftp://mirror.example".');
  });
});
