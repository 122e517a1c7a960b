// Lays out the talk's working directory and fills it with what the slides' commands expect:
// the deck's manifests (deploy.yaml, service.yaml, ingress.yaml), the cfssl CSR/config files in
// certs/, containerd/config.toml for this machine and cni/10-bridge.conflist. Re-runnable: a
// file is rewritten only while it still holds what we wrote; a file the speaker edited is kept
// (and reported) unless `force` is set. Everything made is recorded for resetWorkspace.
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { detectNodeFacts, type NodeFacts } from '../node/node-facts.ts';
import { renderContainerdConfig, type CgroupDriver } from '../containerd/containerd-config.ts';
import { renderBridgeConflist } from '../cni/cni-conflist.ts';
import { resolveWorkspacePaths, CONTAINERD_CONFIG_FILE, CNI_CONFLIST_FILE, type WorkspacePaths } from './workspace-paths.ts';
import { readWorkspaceRecord, writeWorkspaceRecord, type WorkspaceRecord } from './workspace-record.ts';
import { writeTrackedFile, type TrackedFileOutcome } from './tracked-file.ts';

/** Made by prepare (bin/ is filled by `demystify fetch`, certs/ by the PKI demo). */
export const WORKSPACE_DIRECTORIES = ['bin', 'certs', 'cni', 'containerd', 'images', 'logs'] as const;
/** Filled by the demos, removed with their contents by reset. etcd creates etcd-data itself, mode 700. */
export const WORKSPACE_OUTPUTS = ['etcd-data', 'logs', 'images', 'cni/ipam', 'containerd/root', 'containerd/state', 'containerd/runc'] as const;

export type PrepareWorkspaceOptions = {
  /** The project root: demos/ is read from here. */
  root: string;
  workspace: string;
  /** Replace files even where the speaker changed them. */
  force?: boolean;
  facts?: NodeFacts;
  /** containerd's socket (default the talk's /run/containerd/containerd.sock). */
  address?: string;
  /** containerd's conf_dir: where the CNI demo step installs the conflist (default /etc/cni/net.d). */
  cniConfDir?: string;
  cniBinDir?: string;
  podCidr?: string;
  cgroupDriver?: CgroupDriver;
};

/** `path` is relative to the workspace. */
export type PreparedFile = { path: string; outcome: TrackedFileOutcome };
export type PreparedWorkspace = { paths: WorkspacePaths; facts: NodeFacts; files: PreparedFile[] };

async function listFiles(dir: string, extension: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((name) => name.endsWith(extension)).sort();
}

async function createDirectories(paths: WorkspacePaths, record: WorkspaceRecord): Promise<void> {
  await mkdir(paths.workspace, { recursive: true });
  for (const dir of WORKSPACE_DIRECTORIES) {
    // certs/ will hold private keys.
    await mkdir(join(paths.workspace, dir), { recursive: true, mode: dir === 'certs' ? 0o700 : 0o755 });
    record.entries[dir] ??= { kind: 'directory' };
  }
  for (const output of WORKSPACE_OUTPUTS) record.entries[output] = { kind: 'output' };
}

export async function prepareWorkspace(options: PrepareWorkspaceOptions): Promise<PreparedWorkspace> {
  const { root, workspace, force = false, address, cniConfDir, cniBinDir, podCidr, cgroupDriver } = options;
  const paths = resolveWorkspacePaths(workspace);
  const facts = options.facts ?? (await detectNodeFacts({ workspace: paths.workspace }));
  const record = await readWorkspaceRecord(paths.record);
  await createDirectories(paths, record);
  const files: PreparedFile[] = [];
  const write = async (relativePath: string, content: string | Buffer): Promise<void> => {
    const outcome = await writeTrackedFile({ workspace: paths.workspace, relativePath, content, record, force });
    files.push({ path: relativePath, outcome });
  };
  const demos = join(root, 'demos');
  for (const name of await listFiles(demos, '.yaml')) await write(name, await readFile(join(demos, name)));
  for (const name of await listFiles(join(demos, 'pki'), '.json')) await write(`certs/${name}`, await readFile(join(demos, 'pki', name)));
  await write(
    CONTAINERD_CONFIG_FILE,
    renderContainerdConfig(facts, {
      rootDir: paths.containerdRoot,
      stateDir: paths.containerdState,
      runcRoot: paths.runcRoot,
      ...(address === undefined ? {} : { address }),
      ...(cniConfDir === undefined ? {} : { cniConfDir }),
      ...(cniBinDir === undefined ? {} : { cniBinDir }),
      ...(cgroupDriver === undefined ? {} : { cgroupDriver }),
    }),
  );
  await write(CNI_CONFLIST_FILE, renderBridgeConflist({ dataDir: paths.cniIpam, ...(podCidr === undefined ? {} : { podCidr }) }));
  await writeWorkspaceRecord(paths.record, record);
  return { paths, facts, files };
}
