// The node part of `reset`, touching only what our own containerd made. When a containerd run of
// ours is alive, cleanupNode empties it through its socket (pod sandboxes with their CNI DEL,
// tasks, containers), then `stopContainerd` stops it, then mounts under the workspace, the
// conflist the CNI step installed and the sockets it left go. When none is alive, the socket may be someone else's (Docker's
// containerd listens on the talk's /run/containerd/containerd.sock): only the workspace's mounts and
// our conflist are handled.
import { basename, join } from 'node:path';
import { lstat, readFile, rm } from 'node:fs/promises';
import { CNI_CONF_DIR, CNI_CONFLIST_FILE, CONTAINERD_CONFIG_FILE, CONTAINERD_SOCKET, cleanupNode, isSocketAccepting, listMountsUnder, renderFirstLine, runCommand } from '../../workspace/index.ts';
import type { CleanupNodeOptions, CleanupNodeReport, RunCommand } from '../../workspace/index.ts';

const RUN_DIR = '/run/containerd';

export interface NodeResetOptions {
  workspace: string;
  /** Stops our live containerd run(s); absent when we have none. */
  stopContainerd?: () => Promise<void>;
  cleanup?: (options: CleanupNodeOptions) => Promise<CleanupNodeReport>;
  run?: RunCommand;
}

export interface NodeResetReport {
  /** Whether a containerd of ours was emptied through its socket. */
  containerd: boolean;
  sandboxesRemoved: string[];
  containersRemoved: string[];
  unmounted: string[];
  /** The conflist the CNI step installed, when it was removed. */
  conflistRemoved?: string;
  /** Socket files our stopped containerd left (its ttrpc one stays after a stop). */
  socketsRemoved: string[];
  problems: string[];
}

/** `key = "value"` of the workspace's containerd config (the first one: `[grpc] address` comes before `[ttrpc]`). */
export function readTomlString(text: string, key: string): string | undefined {
  const match = new RegExp(`^\\s*${key}\\s*=\\s*("(?:[^"\\\\]|\\\\.)*")`, 'm').exec(text);
  return match?.[1] === undefined ? undefined : (JSON.parse(match[1]) as string);
}

async function unmountUnder(root: string, run: RunCommand, report: NodeResetReport): Promise<void> {
  for (const mountPoint of await listMountsUnder([root])) {
    const result = await run('umount', [mountPoint]);
    const lazy = result.exitCode === 0 ? result : await run('umount', ['-l', mountPoint]);
    if (lazy.exitCode === 0) report.unmounted.push(mountPoint);
    else report.problems.push(`umount ${mountPoint}: ${renderFirstLine(lazy.stderr)}`);
  }
}

export async function resetNode(options: NodeResetOptions): Promise<NodeResetReport> {
  const { workspace, stopContainerd, cleanup = cleanupNode, run = runCommand } = options;
  const config = await readFile(join(workspace, CONTAINERD_CONFIG_FILE), 'utf8').catch(() => '');
  const address = readTomlString(config, 'address') ?? CONTAINERD_SOCKET;
  const conflistPath = join(readTomlString(config, 'conf_dir') ?? CNI_CONF_DIR, basename(CNI_CONFLIST_FILE));
  const conflist = await readFile(join(workspace, CNI_CONFLIST_FILE), 'utf8').catch(() => undefined);
  const installed = await readFile(conflistPath, 'utf8').catch(() => undefined);
  const report: NodeResetReport = { containerd: stopContainerd !== undefined, sandboxesRemoved: [], containersRemoved: [], unmounted: [], socketsRemoved: [], problems: [] };

  if (stopContainerd !== undefined) {
    const cleaned = await cleanup({
      address,
      mountRoots: [workspace],
      stopContainerd,
      // Our containerd made /run/containerd (1.6 does, whatever its address); cleanupNode removes it
      // only once no containerd at all runs, so another containerd's stays.
      runDir: RUN_DIR,
      ...(conflist === undefined ? {} : { installedConflist: { path: conflistPath, content: conflist } }),
      run,
    });
    report.sandboxesRemoved.push(...cleaned.sandboxesRemoved);
    report.containersRemoved.push(...cleaned.containersRemoved);
    report.unmounted.push(...cleaned.unmounted);
    report.problems.push(...cleaned.problems);
    for (const socket of [address, `${address}.ttrpc`]) {
      if (!(await lstat(socket).catch(() => undefined))?.isSocket() || (await isSocketAccepting(socket))) continue;
      await rm(socket, { force: true });
      report.socketsRemoved.push(socket);
    }
  } else {
    await unmountUnder(workspace, run, report);
    if (conflist !== undefined && installed === conflist) await rm(conflistPath, { force: true });
  }
  const stillThere = await readFile(conflistPath, 'utf8').catch(() => undefined);
  if (installed !== undefined && installed === conflist && stillThere === undefined) report.conflistRemoved = conflistPath;
  return report;
}
