// Where binaries appear in the workspace, so slide commands read like the talk: `bin/etcd …`.
// CNI plugins go to <workspace>/cni/bin (beside cni/net.d), the workspace's /opt/cni/bin:
// the demos' containerd config points its CNI `bin_dir` there.
import { join, resolve } from 'node:path';
import type { InstallDir } from './binary-manifest.ts';

export const DEFAULT_WORKSPACE = 'workspace';
export const WORKSPACE_BIN_DIR = 'bin';
export const WORKSPACE_CNI_BIN_DIR = join('cni', 'bin');

export function resolveWorkspace(workspace: string = DEFAULT_WORKSPACE): string {
  return resolve(workspace);
}

export function resolveWorkspaceDir(workspace: string, installDir: InstallDir): string {
  return join(resolveWorkspace(workspace), installDir === 'cni' ? WORKSPACE_CNI_BIN_DIR : WORKSPACE_BIN_DIR);
}

export function resolveWorkspaceBinaryPath(workspace: string, installDir: InstallDir, name: string): string {
  return join(resolveWorkspaceDir(workspace, installDir), name);
}
