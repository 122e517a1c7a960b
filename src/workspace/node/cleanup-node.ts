// Puts the node back as it was, touching only what our containerd made: its pod sandboxes
// (through CRI, which runs CNI DEL and deletes their cni-* netns), its tasks and containers
// (through its own socket), the mounts under our directories, the netns and cgroups named in our
// containers' specs, and /run/containerd once no containerd at all is left. Processes are only
// ever stopped through containerd or by the callback of whoever owns them, never by name.
import { access, readFile, rm, rmdir, readdir } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { runCommand, renderFirstLine, type RunCommand } from '../command-runner.ts';
import { createCriClient, type CriClient } from '../containerd/cri-client.ts';
import { createCtrClient, type CtrClient } from '../containerd/ctr-client.ts';
import { listMountsUnder } from './mount-table.ts';
import { isAnyContainerdRunning, listShimsOf } from './process-table.ts';

export const TASK_STOP_TIMEOUT_MS = 10_000;
const POLL_INTERVAL_MS = 50;

export type CleanupNodeOptions = {
  /** The socket of the containerd we started. */
  address: string;
  /**
   * containerd namespaces whose tasks and containers go (default the CRI's `k8s.io`). Keeps a
   * Docker-managed containerd's `moby` namespace safe should the socket turn out to be shared.
   */
  namespaces?: readonly string[];
  /** Directories whose mounts are ours: the workspace (or a test's temp dir). */
  mountRoots: readonly string[];
  ctrPath?: string;
  /** Stops our containerd once its tasks are gone; the process belongs to whoever started it. */
  stopContainerd?: () => Promise<void>;
  /** Removed (all of it) only when no containerd or shim runs any more; false leaves it alone. */
  runDir?: string | false;
  /** A conflist we installed into containerd's conf_dir: removed if it still holds this content. */
  installedConflist?: { path: string; content: string };
  cgroupRoot?: string;
  run?: RunCommand;
  ctr?: CtrClient;
  cri?: CriClient;
  isContainerdRunning?: () => Promise<boolean>;
  log?: (line: string) => void;
};

export type CleanupNodeReport = {
  sandboxesRemoved: string[];
  tasksKilled: string[];
  containersRemoved: string[];
  netnsDeleted: string[];
  unmounted: string[];
  runDirRemoved: boolean;
  problems: string[];
};

type Leftovers = { netns: Set<string>; cgroups: Set<string> };

async function removeWithContainerd(ctr: CtrClient, namespaces: readonly string[], report: CleanupNodeReport, leftovers: Leftovers): Promise<void> {
  const present = await ctr.listNamespaces();
  for (const namespace of namespaces.filter((candidate) => present.includes(candidate))) {
    const containers = await ctr.listContainers(namespace);
    for (const id of containers) {
      const spec = await ctr.readContainerSpec(namespace, id).catch(() => ({}) as Awaited<ReturnType<CtrClient['readContainerSpec']>>);
      const netns = spec.linux?.namespaces?.find((entry) => entry.type === 'network')?.path;
      if (netns !== undefined && /\/netns\/cni-[\w-]+$/.test(netns)) leftovers.netns.add(netns);
      if (spec.linux?.cgroupsPath?.startsWith('/')) leftovers.cgroups.add(spec.linux.cgroupsPath);
    }
    const running = (await ctr.listTasks(namespace)).filter((task) => task.status !== 'STOPPED');
    for (const task of running) {
      await ctr.invoke(['tasks', 'kill', '--signal', 'SIGKILL', task.id], { namespace });
      report.tasksKilled.push(`${namespace}/${task.id}`);
    }
    const deadline = Date.now() + TASK_STOP_TIMEOUT_MS;
    while ((await ctr.listTasks(namespace)).some((task) => task.status !== 'STOPPED') && Date.now() < deadline) await delay(POLL_INTERVAL_MS);
    for (const task of await ctr.listTasks(namespace)) {
      const result = await ctr.invoke(['tasks', 'delete', task.id], { namespace });
      if (result.exitCode !== 0) report.problems.push(`task ${namespace}/${task.id}: ${renderFirstLine(result.stderr)}`);
    }
    for (const id of containers) {
      const result = await ctr.invoke(['containers', 'rm', id], { namespace });
      if (result.exitCode === 0) report.containersRemoved.push(`${namespace}/${id}`);
      else report.problems.push(`container ${namespace}/${id}: ${renderFirstLine(result.stderr)}`);
    }
  }
}

async function removeCgroup(cgroupRoot: string, path: string): Promise<void> {
  const controllers = await readdir(cgroupRoot).catch(() => [] as string[]);
  const candidates = [`${cgroupRoot}${path}`, ...controllers.map((controller) => `${cgroupRoot}/${controller}${path}`)];
  await Promise.all(candidates.map((candidate) => rmdir(candidate).catch(() => undefined)));
}

export async function cleanupNode(options: CleanupNodeOptions): Promise<CleanupNodeReport> {
  const { address, mountRoots, ctrPath, stopContainerd, runDir = '/run/containerd', installedConflist, namespaces = ['k8s.io'] } = options;
  const { cgroupRoot = '/sys/fs/cgroup', run = runCommand, isContainerdRunning = isAnyContainerdRunning, log = () => {} } = options;
  const ctr = options.ctr ?? createCtrClient({ address, ...(ctrPath === undefined ? {} : { ctrPath }), run });
  const cri = options.cri ?? createCriClient({ address });
  const report: CleanupNodeReport = { sandboxesRemoved: [], tasksKilled: [], containersRemoved: [], netnsDeleted: [], unmounted: [], runDirRemoved: false, problems: [] };
  const leftovers: Leftovers = { netns: new Set(), cgroups: new Set() };
  if (await ctr.isAnswering()) {
    // The kubelet's way first: CRI tears down the pod network (CNI DEL) and its netns.
    for (const id of await cri.listPodSandboxes().catch(() => [] as string[])) {
      try {
        await cri.stopPodSandbox(id);
        await cri.removePodSandbox(id);
        report.sandboxesRemoved.push(id);
      } catch (error) {
        report.problems.push(`pod sandbox ${id}: ${(error as Error).message}`);
      }
    }
    await removeWithContainerd(ctr, namespaces, report, leftovers);
  }
  await stopContainerd?.();
  // Shims exit on their own once their task is deleted; wait for ours before judging /run/containerd.
  const shimDeadline = Date.now() + TASK_STOP_TIMEOUT_MS;
  let shims = await listShimsOf(address);
  while (shims.length > 0 && Date.now() < shimDeadline) {
    await delay(POLL_INTERVAL_MS);
    shims = await listShimsOf(address);
  }
  if (shims.length > 0) report.problems.push(`shims of ${address} still running: pids ${shims.join(', ')}`);
  for (const path of leftovers.netns) {
    if (!(await access(path).then(() => true, () => false))) continue; // CRI already deleted it
    await run('umount', [path]); // a netns file is a bind mount of /proc/<pid>/ns/net
    await rm(path, { force: true });
    report.netnsDeleted.push(path);
  }
  for (const mountPoint of await listMountsUnder(mountRoots)) {
    const result = await run('umount', [mountPoint]);
    const lazy = result.exitCode === 0 ? result : await run('umount', ['-l', mountPoint]);
    if (lazy.exitCode === 0) report.unmounted.push(mountPoint);
    else report.problems.push(`umount ${mountPoint}: ${renderFirstLine(lazy.stderr)}`);
  }
  await Promise.all([...leftovers.cgroups].map((path) => removeCgroup(cgroupRoot, path)));
  if (installedConflist !== undefined) {
    const current = await readFile(installedConflist.path, 'utf8').catch(() => undefined);
    if (current === installedConflist.content) await rm(installedConflist.path);
  }
  if (runDir !== false && !(await isContainerdRunning())) {
    await rm(runDir, { recursive: true, force: true });
    report.runDirRemoved = true;
  }
  for (const line of report.problems) log(`cleanup: ${line}`);
  return report;
}
