// What the talk's steps leave in the workspace that prepareWorkspace did not record, so that
// `reset` can remove exactly that: the PKI step's files (`cfssljson -bare certs/ca`,
// `-bare certs/admin`), the kubeconfig step's admin.conf, the binary links of `fetch`/`serve`
// (symlinks only: a real file in bin/ is the speaker's), and the orchestrator's state folder once
// its run records are gone. A test ties this list to the deck's commands.
import { lstat, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_MANIFEST_PATH, loadManifest, resolveWorkspaceBinaryPath, WORKSPACE_CNI_BIN_DIR } from '../../binaries/index.ts';

export const STATE_DIR = '.demystify';
/** Written by the deck's `pki` (cfssljson -bare) and `kubeconfig` demos; relative to the workspace. */
export const TALK_STEP_OUTPUTS = [
  'certs/ca.pem',
  'certs/ca-key.pem',
  'certs/ca.csr',
  'certs/admin.pem',
  'certs/admin-key.pem',
  'certs/admin.csr',
  'admin.conf',
] as const;

export interface RemovalReport {
  removed: string[];
  kept: { path: string; reason: string }[];
}

const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** The regular files of TALK_STEP_OUTPUTS that exist. */
export async function removeStepOutputs(workspace: string, report: RemovalReport): Promise<void> {
  for (const path of TALK_STEP_OUTPUTS) {
    const stats = await lstat(join(workspace, path)).catch(() => undefined);
    if (stats === undefined) continue;
    if (!stats.isFile()) {
      report.kept.push({ path, reason: 'not a regular file' });
      continue;
    }
    await rm(join(workspace, path));
    report.removed.push(path);
  }
}

/** Symlinks named after an executable of any profile of the binaries manifest, in bin/ or cni/bin/. */
export async function removeBinaryLinks(workspace: string, report: RemovalReport, manifestPath = DEFAULT_MANIFEST_PATH): Promise<void> {
  const manifest = await loadManifest(manifestPath);
  const links = new Set<string>();
  for (const profile of Object.values(manifest.profiles)) {
    for (const artifact of profile.artifacts) {
      for (const { name } of artifact.executables) links.add(resolveWorkspaceBinaryPath(workspace, artifact.installDir, name));
    }
  }
  for (const link of [...links].sort()) {
    const stats = await lstat(link).catch(() => undefined);
    if (!stats?.isSymbolicLink()) continue;
    await rm(link);
    report.removed.push(`${link.slice(workspace.length + 1)} (link)`);
  }
  // linkWorkspaceBinaries made cni/bin (prepare records only cni/): gone once empty.
  await rmdir(join(workspace, WORKSPACE_CNI_BIN_DIR)).then(
    () => report.removed.push(`${WORKSPACE_CNI_BIN_DIR}/`),
    () => undefined,
  );
}

/** <workspace>/.demystify/runs, then .demystify, each only if empty (a record left is a run not stopped). */
export async function removeStateDir(workspace: string, report: RemovalReport): Promise<void> {
  for (const dir of [join(STATE_DIR, 'runs'), STATE_DIR]) {
    await rmdir(join(workspace, dir)).then(
      () => report.removed.push(`${dir}/`),
      (error: unknown) => void (isMissing(error) || report.kept.push({ path: `${dir}/`, reason: 'not empty' })),
    );
  }
}
