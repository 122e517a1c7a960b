// A temporary talk workspace made the way `demystify serve` makes it: prepareWorkspace (the
// deck's manifests, the cfssl JSON files, containerd's config, the bridge conflist) then
// linkWorkspaceBinaries (pinned binaries from the cache, else the installed ones — Debian's cfssl,
// etcd, etcdctl, kubectl, containerd here). `withoutKubeBinaries` removes the links of the five
// Kubernetes daemons, as on a machine where `npx demystify fetch` has not run.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { linkWorkspaceBinaries } from '../../../../src/binaries/index.ts';
import type { ResolvedBinary } from '../../../../src/binaries/index.ts';
import { listMountsUnder, prepareWorkspace, resolveWorkspacePaths } from '../../../../src/workspace/index.ts';
import type { PrepareWorkspaceOptions, WorkspacePaths } from '../../../../src/workspace/index.ts';
import { PROJECT_ROOT } from '../../../unit/steps/deck-manifest.ts';

export const KUBE_DAEMONS = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubelet', 'kube-proxy'] as const;

export interface DeckWorkspace {
  /** The test's temp folder (the workspace is `<dir>/workspace`). */
  dir: string;
  workspace: string;
  paths: WorkspacePaths;
  binaries: ResolvedBinary[];
  dispose(): Promise<void>;
}

export interface DeckWorkspaceOptions {
  withoutKubeBinaries?: boolean;
  /** prepareWorkspace options (containerd's socket, CNI conf dir), from the workspace's paths. */
  prepare?: (paths: WorkspacePaths) => Omit<PrepareWorkspaceOptions, 'root' | 'workspace'>;
}

export async function createDeckWorkspace(options: DeckWorkspaceOptions = {}): Promise<DeckWorkspace> {
  const dir = await mkdtemp(join(tmpdir(), 'demystify-steps-'));
  const dispose = async (): Promise<void> => {
    // A failed test may leave a container's rootfs mounted: unmount (lazily) before removing, and say so.
    const mounts = await listMountsUnder([dir]);
    for (const mountPoint of mounts.reverse()) await execa('umount', ['-l', mountPoint], { reject: false });
    await rm(dir, { recursive: true, force: true });
    if (mounts.length > 0) throw new Error(`mounts were left under ${dir}: ${mounts.join(', ')}`);
  };
  try {
    const workspace = join(dir, 'workspace');
    const prepared = await prepareWorkspace({ root: PROJECT_ROOT, workspace, ...options.prepare?.(resolveWorkspacePaths(workspace)) });
    const binaries = await linkWorkspaceBinaries({ workspace });
    if (options.withoutKubeBinaries === true) {
      for (const name of KUBE_DAEMONS) await rm(join(prepared.paths.bin, name), { force: true });
    }
    return { dir, workspace, paths: prepared.paths, binaries, dispose };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
