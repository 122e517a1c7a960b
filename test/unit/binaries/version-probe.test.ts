// Versions as the installed programs print them (outputs captured on Debian 12 and from the pinned releases).
import { describe, expect, it } from 'vitest';
import { findOwningPackages, parseVersion, type RunCommand } from '../../../src/binaries/index.ts';

describe('parseVersion', () => {
  it.each([
    ['etcd Version: 3.4.23\nGit SHA: Not provided (use ./build instead of go build)\nGo Version: go1.19.8\nGo OS/Arch: linux/amd64', '3.4.23'],
    ['etcdctl version: 3.4.23\nAPI version: 3.4', '3.4.23'],
    ['containerd github.com/containerd/containerd 1.6.20~ds1 1.6.20~ds1-1+deb12u3', '1.6.20'],
    ['containerd github.com/containerd/containerd v1.7.18 ae71819c4f5e67bb4d5ae76a6b735f29cc25774e', '1.7.18'],
    ['containerd-shim-runc-v2:\n  Version:  1.6.20~ds1\n  Revision: 1.6.20~ds1-1+deb12u3\n  Go version: go1.19.8', '1.6.20'],
    ['runc version 1.1.5+ds1\ncommit: 1.1.5+ds1-1+deb12u1\nspec: 1.0.2-dev\ngo: go1.19.8', '1.1.5'],
    ['Version: 1.2.0\nRevision: dev\nRuntime: go1.19.8', '1.2.0'],
    ['Client Version: v1.32.4-dispatcher\nKustomize Version: v5.5.0', '1.32.4-dispatcher'],
    ['Kubernetes v1.31.0-alpha.0', '1.31.0-alpha.0'],
  ])('reads %j as %s', (output, version) => {
    expect(parseVersion(output)).toBe(version);
  });

  it('reads a CNI plugin version, and none when the plugin says "version unknown" (not its protocol versions)', () => {
    expect(parseVersion('CNI bridge plugin v1.5.0\nCNI protocol versions supported: 0.1.0, 0.2.0', 'cni')).toBe('1.5.0');
    expect(parseVersion('CNI bridge plugin version unknown\nCNI protocol versions supported: 0.1.0, 0.2.0, 1.0.0', 'cni')).toBeUndefined();
  });

  it('finds nothing in a usage message', () => {
    expect(parseVersion('flag provided but not defined: -version\nUsage of cfssljson:\n  -bare')).toBeUndefined();
  });
});

describe('findOwningPackages', () => {
  it('asks dpkg once for all paths and once for the versions', async () => {
    const calls: string[][] = [];
    const run: RunCommand = async (file, args) => {
      calls.push([file, ...args]);
      if (args[0] === '-S') return { exitCode: 1, output: 'etcd-server: /usr/bin/etcd\ndpkg-query: no path found matching pattern /opt/x\ncontainernetworking-plugins: /usr/lib/cni/bridge\n' };
      return { exitCode: 0, output: 'etcd-server\t3.4.23-4+b4\ncontainernetworking-plugins\t1.1.1+ds1-3+b5\n' };
    };

    const owners = await findOwningPackages(['/usr/bin/etcd', '/opt/x', '/usr/lib/cni/bridge'], run);

    expect([...owners]).toEqual([
      ['/usr/bin/etcd', { name: 'etcd-server', version: '3.4.23-4+b4' }],
      ['/usr/lib/cni/bridge', { name: 'containernetworking-plugins', version: '1.1.1+ds1-3+b5' }],
    ]);
    expect(calls).toHaveLength(2);
  });

  it('gives nothing on a machine without dpkg', async () => {
    const run: RunCommand = () => Promise.reject(new Error('spawn dpkg-query ENOENT'));
    expect((await findOwningPackages(['/usr/bin/etcd'], run)).size).toBe(0);
  });
});
