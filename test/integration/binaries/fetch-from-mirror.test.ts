// The fetcher against a local mirror (the real upstreams are out of reach here, by design).
import { execa } from 'execa';
import { mkdir, readFile, readlink, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectHostArch, fetchBinaries, readLock, type FetchBinariesOptions } from '../../../src/binaries/index.ts';
import { createFakeMirror, listFiles, serveMirror, sha256Of, type FakeMirror, type MirrorServer } from './fake-mirror.ts';

const HOST_ARCH = detectHostArch() ?? 'amd64';
const NO_SYSTEM = { bin: [], cni: [] };

let mirror: FakeMirror;
let server: MirrorServer;

function fetchFrom(base: string, options: Partial<FetchBinariesOptions> = {}) {
  return fetchBinaries({
    manifestPath: mirror.manifestPath,
    cacheDir: mirror.cacheDir,
    workspace: mirror.workspace,
    systemDirs: NO_SYSTEM,
    env: { DEMYSTIFY_MIRROR: base },
    ...options,
  });
}

function failureOf(result: Awaited<ReturnType<typeof fetchBinaries>>, artifact: string): string {
  const outcome = result.artifacts.find((a) => a.artifact === artifact);
  if (outcome?.status !== 'failed') throw new Error(`expected ${artifact} to fail, got ${outcome?.status}`);
  return outcome.error.message;
}

beforeEach(async () => {
  mirror = await createFakeMirror(HOST_ARCH);
  server = await serveMirror(mirror.root);
});

afterEach(async () => {
  await server.close();
  await mirror.cleanup();
});

describe('demystify fetch from an HTTP mirror', () => {
  it('accepts an artifact matching its pinned hash, links it into workspace/bin and records the hash in the lock', async () => {
    const result = await fetchFrom(server.baseUrl, { only: ['etcd'] });

    expect(result.artifacts).toEqual([expect.objectContaining({ artifact: 'etcd', status: 'fetched', verifiedBy: 'pinned' })]);
    expect(server.requests).toEqual([`/github.com/etcd-io/etcd/releases/download/v3.5.14/etcd-v3.5.14-linux-${HOST_ARCH}.tar.gz`]);
    const { stdout } = await execa(join(mirror.workspace, 'bin', 'etcd'));
    expect(stdout).toBe('fetcher fixture standing in for etcd (not the real program)');
    expect(await readlink(join(mirror.workspace, 'bin', 'etcdctl'))).toBe(join(mirror.cacheDir, 'binaries', 'fixture', HOST_ARCH, 'bin', 'etcdctl'));
    const lock = await readLock(mirror.lockPath);
    expect(lock.profiles['fixture']?.['etcd']?.[HOST_ARCH]).toEqual({ url: mirror.upstream.etcd, sha256: sha256Of(await readFile(mirror.pathOf(mirror.upstream.etcd))), verifiedBy: 'pinned' });
  });

  it('refuses a corrupted artifact, names both hashes and the URL, and leaves no file in the cache or the workspace', async () => {
    const path = mirror.pathOf(mirror.upstream.etcd);
    const original = await readFile(path);
    const corrupted = Buffer.concat([original.subarray(0, 100), Buffer.from('corruption'), original.subarray(110)]);
    await writeFile(path, corrupted);

    const result = await fetchFrom(server.baseUrl, { only: ['etcd'] });

    const message = failureOf(result, 'etcd');
    expect(message).toContain(`expected sha256 ${sha256Of(original)}`);
    expect(message).toContain(`got sha256 ${sha256Of(corrupted)}`);
    expect(message).toContain(`${server.baseUrl}/github.com/etcd-io/etcd/releases/download/v3.5.14/etcd-v3.5.14-linux-${HOST_ARCH}.tar.gz`);
    expect(result.artifacts[0]).toMatchObject({ status: 'failed', error: { code: 'CHECKSUM_MISMATCH' } });
    expect(await listFiles(mirror.cacheDir)).toEqual([]);
    expect(await listFiles(mirror.workspace)).toEqual([]);
    expect((await readLock(mirror.lockPath)).profiles).toEqual({});
  });

  it('verifies unpinned artifacts against the official checksum files, then writes the seen hashes to the lock', async () => {
    const result = await fetchFrom(server.baseUrl, { only: ['kubernetes-server', 'runc'] });

    expect(result.artifacts.map((a) => [a.artifact, a.status, 'verifiedBy' in a ? a.verifiedBy : a.error.message])).toEqual([
      ['kubernetes-server', 'fetched', 'checksum-file'],
      ['runc', 'fetched', 'checksum-file'],
    ]);
    const lock = JSON.parse(await readFile(mirror.lockPath, 'utf8'));
    expect(lock.profiles.fixture['kubernetes-server'][HOST_ARCH]).toEqual({ url: mirror.upstream.kubernetes, sha256: sha256Of(await readFile(mirror.pathOf(mirror.upstream.kubernetes))), verifiedBy: 'checksum-file' });
    expect(lock.profiles.fixture.runc[HOST_ARCH].sha256).toBe(sha256Of(await readFile(mirror.pathOf(mirror.upstream.runc))));
    const { stdout } = await execa(join(mirror.workspace, 'bin', 'kube-apiserver'));
    expect(stdout).toContain('fetcher fixture standing in for kube-apiserver');
    expect((await execa(join(mirror.workspace, 'bin', 'runc'))).stdout).toContain('standing in for runc');
  });

  it('enforces the hash recorded in the lock on a later download, even when the checksum file changed with the artifact', async () => {
    await fetchFrom(server.baseUrl, { only: ['runc'] });
    const firstSha = (await readLock(mirror.lockPath)).profiles['fixture']?.['runc']?.[HOST_ARCH]?.sha256;
    await rm(mirror.cacheDir, { recursive: true });
    const tampered = '#!/bin/sh\necho tampered\n';
    await writeFile(mirror.pathOf(mirror.upstream.runc), tampered);
    await writeFile(mirror.pathOf(mirror.upstream.runcSums), `${sha256Of(tampered)}  runc.${HOST_ARCH}\n`);

    const result = await fetchFrom(server.baseUrl, { only: ['runc'] });

    const message = failureOf(result, 'runc');
    expect(message).toContain(`expected sha256 ${firstSha} (recorded in ${mirror.lockPath}`);
    expect(message).toContain(`got sha256 ${sha256Of(tampered)}`);
    expect(await listFiles(mirror.cacheDir)).toEqual([]);
  });

  it('does nothing on the network when the cache already holds every verified executable', async () => {
    const first = await fetchFrom(server.baseUrl);
    expect(first.artifacts.map((a) => a.status)).toEqual(['fetched', 'fetched', 'fetched', 'fetched']);
    server.requests.length = 0;

    const second = await fetchFrom(server.baseUrl);
    expect(second.artifacts.map((a) => a.status)).toEqual(['cached', 'cached', 'cached', 'cached']);
    expect(server.requests).toEqual([]);

    await server.close();
    const offline = await fetchFrom(server.baseUrl);
    expect(offline.artifacts.map((a) => a.status)).toEqual(['cached', 'cached', 'cached', 'cached']);
    expect(offline.binaries.map((b) => `${b.name}:${b.source}`)).toContain('kube-apiserver:pinned');
    expect(await readlink(join(mirror.workspace, 'cni', 'bin', 'bridge'))).toBe(join(mirror.cacheDir, 'binaries', 'fixture', HOST_ARCH, 'cni', 'bridge'));
  });

  it('downloads again when a cached executable was altered', async () => {
    await fetchFrom(server.baseUrl, { only: ['etcd'] });
    await writeFile(join(mirror.cacheDir, 'binaries', 'fixture', HOST_ARCH, 'bin', 'etcd'), '#!/bin/sh\necho altered!\n', { mode: 0o755 });
    server.requests.length = 0;

    const result = await fetchFrom(server.baseUrl, { only: ['etcd'] });

    expect(result.artifacts[0]?.status).toBe('fetched');
    expect(server.requests).toHaveLength(1);
    expect((await execa(join(mirror.workspace, 'bin', 'etcd'))).stdout).toContain('fetcher fixture standing in for etcd');
  });

  it('leaves nothing behind and says so when the server cuts the download mid-body', async () => {
    server.interrupt.add(`/dl.k8s.io/v1.31.0-alpha.0/kubernetes-server-linux-${HOST_ARCH}.tar.gz`);

    const result = await fetchFrom(server.baseUrl, { only: ['kubernetes-server'] });

    const message = failureOf(result, 'kubernetes-server');
    expect(message).toMatch(/interrupted after \d+ of \d+ bytes/);
    expect(message).toContain('Nothing was kept');
    expect(message).toContain(`${server.baseUrl}/dl.k8s.io/v1.31.0-alpha.0/kubernetes-server-linux-${HOST_ARCH}.tar.gz`);
    expect(await listFiles(mirror.cacheDir)).toEqual([]);
    expect(await listFiles(mirror.workspace)).toEqual([]);
    expect((await readLock(mirror.lockPath)).profiles).toEqual({});
  });

  it('cancels a download in flight when aborted (Ctrl-C), keeps nothing and says how to resume', async () => {
    server.stall.add(`/dl.k8s.io/v1.31.0-alpha.0/kubernetes-server-linux-${HOST_ARCH}.tar.gz`);
    const cancel = new AbortController();

    const fetching = fetchFrom(server.baseUrl, {
      signal: cancel.signal,
      onEvent: (event) => {
        if (event.kind === 'download-progress' && event.progress.receivedBytes > 0) cancel.abort();
      },
    });

    await expect(fetching).rejects.toThrow('Fetch cancelled: the download in progress was discarded and nothing partial was kept. Run `npx demystify fetch` again');
    expect(await listFiles(mirror.cacheDir)).toEqual([]);
    expect(await listFiles(mirror.workspace)).toEqual([]);
  });

  it('sweeps the staging folder a killed fetch left behind', async () => {
    const dead = execa('true');
    await dead;
    const stale = join(mirror.cacheDir, 'binaries', '.tmp', `kubernetes-server-${HOST_ARCH}.${dead.pid}.AbC123`);
    await mkdir(stale, { recursive: true });
    await writeFile(join(stale, `kubernetes-server-linux-${HOST_ARCH}.tar.gz`), 'half a download');

    const result = await fetchFrom(server.baseUrl, { only: ['runc'] });

    expect(result.artifacts[0]?.status).toBe('fetched');
    expect(await listFiles(mirror.cacheDir)).toEqual([join('binaries', 'fixture', HOST_ARCH, 'bin', 'runc'), join('binaries', 'fixture', HOST_ARCH, 'verified', 'runc.json')]);
  });

  it('follows redirects, as GitHub release downloads do', async () => {
    const runcPath = `/github.com/opencontainers/runc/releases/download/v1.2.0-rc.1/runc.${HOST_ARCH}`;
    server.redirects.set(runcPath, `${server.baseUrl}/objects.example/release-asset`);
    server.redirects.set('/objects.example/release-asset', runcPath.replace('/runc.', '/moved/runc.'));
    server.redirects.set(runcPath.replace('/runc.', '/moved/runc.'), `/github.com/opencontainers/runc/releases/download/v1.2.0-rc.1/runc.${HOST_ARCH}.real`);
    await writeFile(mirror.pathOf(`${mirror.upstream.runc}.real`), await readFile(mirror.pathOf(mirror.upstream.runc)));

    const result = await fetchFrom(server.baseUrl, { only: ['runc'] });

    expect(result.artifacts[0]).toMatchObject({ status: 'fetched' });
    expect(server.requests.filter((path) => path !== '/github.com/opencontainers/runc/releases/download/v1.2.0-rc.1/runc.sha256sum')).toEqual([
      runcPath,
      '/objects.example/release-asset',
      runcPath.replace('/runc.', '/moved/runc.'),
      `${runcPath}.real`,
    ]);
  });

  it('stops after 5 redirects and names the URL', async () => {
    const runcPath = `/github.com/opencontainers/runc/releases/download/v1.2.0-rc.1/runc.${HOST_ARCH}`;
    server.redirects.set(runcPath, runcPath);

    const result = await fetchFrom(server.baseUrl, { only: ['runc'] });

    expect(failureOf(result, 'runc')).toContain(`Download of ${server.baseUrl}${runcPath} failed: more than 5 redirects`);
    expect(await listFiles(mirror.cacheDir)).toEqual([]);
  });

  it('names the URL and the fix when the mirror lacks a file', async () => {
    await rm(mirror.pathOf(mirror.upstream.kubernetesSha256));

    const result = await fetchFrom(server.baseUrl, { only: ['kubernetes-server'] });

    const message = failureOf(result, 'kubernetes-server');
    expect(message).toContain(`Download of ${server.baseUrl}/dl.k8s.io/v1.31.0-alpha.0/kubernetes-server-linux-${HOST_ARCH}.tar.gz.sha256 failed: HTTP 404`);
    expect(message).toContain(`Fix: check that the mirror DEMYSTIFY_MIRROR=${server.baseUrl} serves dl.k8s.io/v1.31.0-alpha.0/kubernetes-server-linux-${HOST_ARCH}.tar.gz.sha256`);
    expect(message).toContain('npx demystify fetch');
  });

  it('caches another architecture without linking it into the workspace', async () => {
    const other = HOST_ARCH === 'amd64' ? 'arm64' : 'amd64';
    const otherMirror = await createFakeMirror(other);
    try {
      const result = await fetchBinaries({ manifestPath: otherMirror.manifestPath, cacheDir: otherMirror.cacheDir, workspace: otherMirror.workspace, arch: other, only: ['runc'], env: { DEMYSTIFY_MIRROR: `file://${otherMirror.root}` } });
      expect(result).toMatchObject({ arch: other, workspaceLinked: false, artifacts: [{ artifact: 'runc', status: 'fetched' }] });
      expect(await listFiles(otherMirror.cacheDir)).toContain(join('binaries', 'fixture', other, 'bin', 'runc'));
      expect(await listFiles(otherMirror.workspace)).toEqual([]);
    } finally {
      await otherMirror.cleanup();
    }
  });
});

describe('demystify fetch from a file:// mirror', () => {
  it('fetches and verifies every artifact from a folder laid out as <host>/<path>', async () => {
    const result = await fetchFrom(`file://${mirror.root}`);

    expect(result.artifacts.map((a) => `${a.artifact}:${a.status}`)).toEqual(['kubernetes-server:fetched', 'etcd:fetched', 'runc:fetched', 'cni-plugins:fetched']);
    expect(server.requests).toEqual([]);
    expect((await listFiles(join(mirror.workspace, 'bin'))).length).toBe(9);
    expect(await listFiles(join(mirror.workspace, 'cni', 'bin'))).toEqual(['bridge', 'host-local', 'loopback', 'portmap']);
    expect((await execa(join(mirror.workspace, 'cni', 'bin', 'portmap'))).stdout).toContain('standing in for portmap');
  });
});
