// A whole node inside a test: the deck's commands write where the talk writes (containerd's socket
// in /run/containerd, the conflist in /etc/cni/net.d, the kubelet in /var/lib/kubelet and
// /var/log/pods), so the driver runs in a private mount namespace where /etc, /run, /var/lib and
// /var/log are overlays whose writes land in the test's temp folder. Everything mounted there
// (overlays, CRI's netns files, pod volumes) goes away with the namespace's last process.
// What a mount namespace cannot hold back is global: the kubelet's cgroups (kubepods) and a few
// kernel settings the kubelet and kube-proxy may write; dispose() removes the first (when they
// were not there before) and writes the second back.
import { mkdir, readdir, readFile, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const ISOLATED_DIRS = ['/etc', '/run', '/var/lib', '/var/log'] as const;
/** Kernel settings outside any namespace that the kubelet (kernel tunables) or kube-proxy (conntrack) may change. */
export const GLOBAL_KNOBS = [
  '/proc/sys/vm/overcommit_memory',
  '/proc/sys/vm/panic_on_oom',
  '/proc/sys/kernel/panic',
  '/proc/sys/kernel/panic_on_oops',
  '/proc/sys/kernel/keys/root_maxkeys',
  '/proc/sys/kernel/keys/root_maxbytes',
  '/proc/sys/net/netfilter/nf_conntrack_max',
  '/sys/module/nf_conntrack/parameters/hashsize',
] as const;
const CGROUP_ROOT = '/sys/fs/cgroup';
const KUBELET_CGROUPS = ['kubepods', 'kubepods.slice'];

export interface NodeIsolation {
  /** `unshare --mount … bash -c '<overlays>; exec "$@"' <command…>`. */
  wrap(command: string[]): string[];
  dispose(): Promise<void>;
}

const readKnob = (path: string): Promise<string | undefined> => readFile(path, 'utf8').then((text) => text.trim(), () => undefined);

/** Every kubelet cgroup root on this machine (v1: one per controller; v2: one). */
async function listKubeletCgroups(): Promise<string[]> {
  const controllers = await readdir(CGROUP_ROOT).catch(() => [] as string[]);
  const parents = [CGROUP_ROOT, ...controllers.map((controller) => join(CGROUP_ROOT, controller))];
  const found: string[] = [];
  for (const parent of parents) {
    const names = await readdir(parent).catch(() => [] as string[]);
    for (const name of names) if (KUBELET_CGROUPS.includes(name)) found.push(join(parent, name));
  }
  return found;
}

/** Child cgroups first; a cgroup still holding a process stays (rmdir fails) and is reported. */
async function removeCgroupTree(path: string, problems: string[]): Promise<void> {
  const entries = await readdir(path, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) if (entry.isDirectory()) await removeCgroupTree(join(path, entry.name), problems);
  await rmdir(path).catch((error: NodeJS.ErrnoException) => void (error.code === 'ENOENT' || problems.push(`cgroup ${path}: ${error.code ?? error.message}`)));
}

export async function createNodeIsolation(dir: string): Promise<NodeIsolation> {
  const knobs = new Map(await Promise.all(GLOBAL_KNOBS.map(async (path) => [path, await readKnob(path)] as const)));
  const cgroupsBefore = new Set(await listKubeletCgroups());
  const mounts: string[] = [];
  for (const target of ISOLATED_DIRS) {
    const base = join(dir, 'overlays', target.replaceAll('/', '_'));
    await mkdir(join(base, 'upper'), { recursive: true });
    await mkdir(join(base, 'work'), { recursive: true });
    mounts.push(`mount -t overlay overlay -o 'lowerdir=${target},upperdir=${base}/upper,workdir=${base}/work' '${target}'`);
  }
  const script = ['set -e', ...mounts, 'exec "$@"'].join('\n');
  return {
    wrap: (command) => ['unshare', '--mount', '--propagation', 'private', '--', 'bash', '-c', script, 'node-isolation', ...command],
    async dispose() {
      const problems: string[] = [];
      for (const [path, value] of knobs) {
        if (value === undefined || (await readKnob(path)) === value) continue;
        await writeFile(path, `${value}\n`).catch((error: Error) => problems.push(`restore ${path}=${value}: ${error.message}`));
      }
      for (const path of await listKubeletCgroups()) if (!cgroupsBefore.has(path)) await removeCgroupTree(path, problems);
      if (problems.length > 0) throw new Error(`node isolation: ${problems.join('; ')}`);
    },
  };
}
