// The node part of reset touches containerd only when a containerd of ours runs: then through
// cleanupNode (its socket and conf_dir read from the workspace's config); otherwise it removes the
// conflist the CNI step installed only while it still holds the workspace's content.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readTomlString, resetNode } from '../../../../src/cli/reset/index.ts';
import type { CleanupNodeOptions, CleanupNodeReport } from '../../../../src/workspace/index.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function createNode(): { workspace: string; confDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'demystify-reset-node-'));
  dirs.push(dir);
  const workspace = join(dir, 'workspace');
  const confDir = join(dir, 'net.d');
  mkdirSync(join(workspace, 'containerd'), { recursive: true });
  mkdirSync(join(workspace, 'cni'));
  mkdirSync(confDir);
  writeFileSync(join(workspace, 'containerd', 'config.toml'), `version = 2\n[grpc]\n  address = "${dir}/c.sock"\n[ttrpc]\n  address = "${dir}/c.sock.ttrpc"\n[x.cni]\n  conf_dir = "${confDir}"\n`);
  writeFileSync(join(workspace, 'cni', '10-bridge.conflist'), '{"ours":true}');
  return { workspace, confDir };
}

const emptyCleanup: CleanupNodeReport = { sandboxesRemoved: ['s1'], tasksKilled: [], containersRemoved: ['k8s.io/c1'], netnsDeleted: [], unmounted: [], runDirRemoved: false, problems: [] };

describe('resetNode', () => {
  it('reads the first string value of a key (grpc before ttrpc)', () => {
    expect(readTomlString('[grpc]\n  address = "/a/b.sock"\n[ttrpc]\n  address = "/a/b.sock.ttrpc"\n', 'address')).toBe('/a/b.sock');
    expect(readTomlString('x = 1', 'address')).toBeUndefined();
  });

  it('without a containerd of ours: never calls cleanupNode, removes our conflist, not a changed one', async () => {
    const { workspace, confDir } = createNode();
    const calls: CleanupNodeOptions[] = [];
    writeFileSync(join(confDir, '10-bridge.conflist'), '{"ours":true}');
    const report = await resetNode({ workspace, cleanup: async (options) => (calls.push(options), emptyCleanup) });
    expect(calls).toEqual([]);
    expect(report).toMatchObject({ containerd: false, conflistRemoved: join(confDir, '10-bridge.conflist'), problems: [] });
    expect(existsSync(join(confDir, '10-bridge.conflist'))).toBe(false);

    writeFileSync(join(confDir, '10-bridge.conflist'), '{"someone":"else"}');
    const again = await resetNode({ workspace, cleanup: async () => emptyCleanup });
    expect(again.conflistRemoved).toBeUndefined();
    expect(existsSync(join(confDir, '10-bridge.conflist'))).toBe(true);
  });

  it('with a containerd of ours: cleanupNode on its socket, with the conflist and the stop, and reports what it removed', async () => {
    const { workspace, confDir } = createNode();
    const calls: CleanupNodeOptions[] = [];
    const stopContainerd = async (): Promise<void> => undefined;
    const report = await resetNode({ workspace, stopContainerd, cleanup: async (options) => (calls.push(options), emptyCleanup) });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      address: join(confDir, '..', 'c.sock'),
      mountRoots: [workspace],
      runDir: '/run/containerd',
      installedConflist: { path: join(confDir, '10-bridge.conflist'), content: '{"ours":true}' },
    });
    expect(calls[0]?.stopContainerd).toBe(stopContainerd);
    expect(report).toMatchObject({ containerd: true, sandboxesRemoved: ['s1'], containersRemoved: ['k8s.io/c1'] });
  });
});
