// The system fallback on this machine: Debian's etcd 3.4, runc 1.1 and CNI plugins 1.1 stand in for
// the pinned versions, with the difference stated; the kube binaries (not obtainable here) are missing.
import { execa } from 'execa';
import { mkdtemp, readlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectHostArch, fetchBinaries, linkWorkspaceBinaries, resolveBinaries } from '../../../src/binaries/index.ts';
import { createFakeMirror } from './fake-mirror.ts';

let dir: string;
let cacheDir: string;
let workspace: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demystify-fallback-'));
  cacheDir = join(dir, 'cache');
  workspace = join(dir, 'workspace');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('system fallback with the real manifest', () => {
  it("picks Debian's /usr/bin/etcd and states the version difference with the pinned 3.5.14", async () => {
    const binaries = await resolveBinaries({ workspace, cacheDir });

    const etcd = binaries.find((binary) => binary.name === 'etcd');
    expect(etcd).toMatchObject({ source: 'system', path: '/usr/bin/etcd', pinnedVersion: '3.5.14', package: { name: 'etcd-server' }, workspacePath: join(workspace, 'bin', 'etcd') });
    expect(etcd?.version).toMatch(/^3\.4\.\d+$/);
    expect(etcd?.note).toBe(`etcd ${etcd?.version} from /usr/bin/etcd (Debian package etcd-server) instead of pinned 3.5.14`);
    expect(etcd?.fix).toBe('npx demystify fetch --only etcd');
  });

  it('reports the kube binaries missing with the command that fetches them', async () => {
    const binaries = await resolveBinaries({ workspace, cacheDir });

    expect(binaries.find((binary) => binary.name === 'kube-apiserver')).toEqual({
      name: 'kube-apiserver',
      artifact: 'kubernetes-server',
      component: 'Kubernetes server bundle',
      installDir: 'bin',
      optional: false,
      source: 'missing',
      workspacePath: join(workspace, 'bin', 'kube-apiserver'),
      pinnedVersion: '1.31.0-alpha.0',
      note: 'kube-apiserver 1.31.0-alpha.0 is missing: run `npx demystify fetch --only kubernetes-server`',
      fix: 'npx demystify fetch --only kubernetes-server',
    });
  });

  it("finds Debian's CNI plugins in /usr/lib/cni and reads their version from the package", async () => {
    const binaries = await resolveBinaries({ workspace, cacheDir });

    expect(binaries.find((binary) => binary.name === 'bridge')).toMatchObject({ source: 'system', path: '/usr/lib/cni/bridge', version: expect.stringMatching(/^1\.1\.\d+$/), pinnedVersion: '1.5.0', installDir: 'cni' });
  });

  it('links the installed etcd into workspace/bin and the CNI plugins into workspace/cni/bin, and leaves missing ones unlinked', async () => {
    const linked = await linkWorkspaceBinaries({ workspace, cacheDir });

    expect(await readlink(join(workspace, 'bin', 'etcd'))).toBe('/usr/bin/etcd');
    expect(await readlink(join(workspace, 'cni', 'bin', 'bridge'))).toBe('/usr/lib/cni/bridge');
    await expect(readlink(join(workspace, 'bin', 'kube-apiserver'))).rejects.toThrow('ENOENT');
    const { stdout } = await execa(join(workspace, 'bin', 'etcd'), ['--version']);
    expect(stdout).toContain(`etcd Version: ${linked.find((binary) => binary.name === 'etcd')?.version}`);
  });
});

describe('pinned from the cache, else system', () => {
  it('prefers the pinned binary from the cache and falls back to the installed one once the cache is emptied', async () => {
    const mirror = await createFakeMirror(detectHostArch() ?? 'amd64');
    try {
      const options = { manifestPath: mirror.manifestPath, cacheDir: mirror.cacheDir, workspace: mirror.workspace };
      await fetchBinaries({ ...options, only: ['etcd'], env: { ...process.env, DEMYSTIFY_MIRROR: `file://${mirror.root}` } });
      const pinned = await linkWorkspaceBinaries(options);
      expect(pinned.filter((b) => ['etcd', 'runc'].includes(b.name)).map((b) => `${b.name}:${b.source}`)).toEqual(['etcd:pinned', 'runc:system']);
      expect((await execa(join(mirror.workspace, 'bin', 'etcd'))).stdout).toContain('fetcher fixture standing in for etcd');

      await rm(mirror.cacheDir, { recursive: true });
      const fallback = await linkWorkspaceBinaries(options);

      expect(fallback.find((b) => b.name === 'etcd')).toMatchObject({ source: 'system', path: '/usr/bin/etcd' });
      expect(await readlink(join(mirror.workspace, 'bin', 'etcd'))).toBe('/usr/bin/etcd');
      await expect(readlink(join(mirror.workspace, 'bin', 'kube-apiserver'))).rejects.toThrow('ENOENT');
    } finally {
      await mirror.cleanup();
    }
  });
});
