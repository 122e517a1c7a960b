// A throw-away node for the integration tests: a network namespace of our own, a containerd
// running inside it with the generated config but its own root, state and socket under a temp dir
// (never /run/containerd/containerd.sock), and a dispose() that removes all of it even when a
// test failed. Nothing here touches the host's network namespace.
import { access, mkdtemp, mkdir, readdir, rm, rmdir, writeFile, readFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import {
  cleanupNode,
  createCriClient,
  createCtrClient,
  detectNodeFacts,
  listMountsUnder,
  parseElfInfo,
  renderBridgeConflist,
  renderContainerdConfig,
  resolveWorkspacePaths,
  startContainerd,
  type CleanupNodeReport,
  type ContainerdProcess,
  type CriClient,
  type CtrClient,
  type NodeFacts,
  type WorkspacePaths,
} from '../../../src/workspace/index.ts';

export type TestNode = {
  /** Unique prefix for every name this node creates (netns, containers, cgroups). */
  name: string;
  dir: string;
  paths: WorkspacePaths;
  netnsPath: string;
  address: string;
  confDir: string;
  conflistText: string;
  facts: NodeFacts;
  containerd: ContainerdProcess;
  ctr: CtrClient;
  cri: CriClient;
  /** /run/containerd was there before this node started (then cleanup leaves it alone). */
  runDirExisted: boolean;
  /** /sys/fs/cgroup parent for everything this node runs. */
  cgroupParent: string;
  /** ctr run flags that keep fifos and runc state out of /run/containerd. */
  ctrRunFlags: (id: string) => string[];
  installConflist(): Promise<void>;
  createPodNetns(suffix: string): Promise<string>;
  cleanup(): Promise<CleanupNodeReport>;
  dispose(): Promise<void>;
};

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

/** Why the node tests cannot run here, or undefined when they can. */
export async function findMissingRequirements(): Promise<string | undefined> {
  if (process.getuid?.() !== 0) return 'they need root (network namespaces, containerd)';
  for (const tool of ['containerd', 'ctr', 'runc', 'ip', 'nsenter', 'curl', 'umount']) {
    const found = await execa('sh', ['-c', `command -v ${tool}`], { reject: false });
    if (found.exitCode !== 0) return `${tool} is not installed`;
  }
  const busybox = await readFile('/bin/busybox').catch(() => undefined);
  if (busybox === undefined || !parseElfInfo(busybox)?.isStatic) return 'busybox-static is not installed';
  if ((await detectNodeFacts()).cniBinDir === undefined) return 'no CNI plugins (containernetworking-plugins) found';
  return undefined;
}

export async function startTestNode(): Promise<TestNode> {
  const name = `t-ws-${randomBytes(4).toString('hex')}`;
  const dir = await mkdtemp(join(tmpdir(), `demystify-${name}-`));
  const paths = resolveWorkspacePaths(join(dir, 'workspace'));
  const confDir = join(dir, 'net.d');
  const address = join(paths.containerd, 'containerd.sock');
  const netnsPath = `/run/netns/${name}`;
  const cgroupParent = `/${name}`;
  const runDirExisted = await exists('/run/containerd');
  const netnsDirExisted = await exists('/run/netns');
  const podNetns: string[] = [];
  const facts = await detectNodeFacts();
  const conflistText = renderBridgeConflist({ dataDir: paths.cniIpam });
  let containerd: ContainerdProcess | undefined;
  let cleaned: Promise<CleanupNodeReport> | undefined;
  const ctr = createCtrClient({ address });
  const cleanup = (): Promise<CleanupNodeReport> =>
    (cleaned ??= cleanupNode({
      address,
      mountRoots: [dir],
      ...(containerd === undefined ? {} : { stopContainerd: containerd.stop }),
      runDir: runDirExisted ? false : '/run/containerd',
    }));
  const dispose = async (): Promise<void> => {
    const problems: string[] = [];
    const attempt = async (what: string, step: () => Promise<unknown>): Promise<void> => {
      await step().catch((error: Error) => problems.push(`${what}: ${error.message}`));
    };
    await attempt('cleanupNode', cleanup);
    await attempt('stop containerd', async () => containerd?.stop());
    for (const path of podNetns) await attempt(`delete ${path}`, () => execa('ip', ['netns', 'delete', path.split('/').at(-1)!]));
    if (await exists(netnsPath)) await attempt('delete node netns', () => execa('ip', ['netns', 'delete', name]));
    // `ip netns add` made /run/netns a mount point; undo it if we did and nobody uses it now
    // (umount fails while anyone's netns is mounted inside, so this cannot take one away).
    if (!netnsDirExisted && (await readdir('/run/netns').catch(() => ['?'])).length === 0) {
      await execa('umount', ['/run/netns'], { reject: false });
      await rmdir('/run/netns').catch(() => undefined);
    }
    for (const mountPoint of await listMountsUnder([dir])) await attempt(`umount ${mountPoint}`, () => execa('umount', ['-l', mountPoint]));
    const controllers = await readdir('/sys/fs/cgroup').catch(() => [] as string[]);
    for (const controller of ['', ...controllers]) await rmdir(join('/sys/fs/cgroup', controller, cgroupParent)).catch(() => undefined);
    await attempt('remove temp dir', () => rm(dir, { recursive: true, force: true }));
    if (problems.length > 0) throw new Error(`test node ${name} cleanup: ${problems.join('; ')}`);
  };
  try {
    await mkdir(paths.logs, { recursive: true });
    await mkdir(paths.containerd, { recursive: true });
    await mkdir(confDir);
    const config = renderContainerdConfig(facts, { address, rootDir: paths.containerdRoot, stateDir: paths.containerdState, runcRoot: paths.runcRoot, cniConfDir: confDir });
    await writeFile(paths.containerdConfig, config);
    await execa('ip', ['netns', 'add', name]);
    await execa('ip', ['-n', name, 'link', 'set', 'lo', 'up']);
    containerd = await startContainerd({ configPath: paths.containerdConfig, address, logFile: join(paths.logs, 'containerd.log'), netnsPath });
  } catch (error) {
    await dispose().catch(() => undefined);
    throw error;
  }
  return {
    name,
    dir,
    paths,
    netnsPath,
    address,
    confDir,
    conflistText,
    facts,
    containerd,
    ctr,
    cri: createCriClient({ address }),
    runDirExisted,
    cgroupParent,
    ctrRunFlags: (id) => ['--fifo-dir', join(dir, 'fifo'), '--runc-root', join(dir, 'ctr-runc'), '--cgroup', `${cgroupParent}/${id}`],
    installConflist: () => writeFile(join(confDir, '10-bridge.conflist'), conflistText),
    createPodNetns: async (suffix) => {
      const pod = `${name}-${suffix}`;
      await execa('ip', ['netns', 'add', pod]);
      podNetns.push(`/run/netns/${pod}`);
      return `/run/netns/${pod}`;
    },
    cleanup,
    dispose,
  };
}

/** Polls `check` until it returns a value, the deadline passes (then throws `what`), never longer. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function isAlive(pid: number): Promise<boolean> {
  return access(`/proc/${pid}`, constants.F_OK).then(() => true, () => false);
}
