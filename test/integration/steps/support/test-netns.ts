// A network namespace of the test's own (`ip netns add t-steps-<random>`, loopback up), so the
// talk's fixed ports (etcd on 2379, the apiserver on 6443…) and any pod or Service traffic stay
// inside it. Optionally a "node" interface carrying the default route, so components that want a
// node IP (kubelet, apiserver) find one; packets sent through it go nowhere. dispose() deletes
// the namespace, and undoes the /run/netns mount `ip netns add` made if nobody else uses it.
import { randomBytes } from 'node:crypto';
import { access, readdir, rmdir } from 'node:fs/promises';
import { execa } from 'execa';

export const NETNS_PREFIX = 't-steps-';
/** The node interface's address (inside the namespace only). */
export const NODE_ADDRESS = '10.200.0.2/24';

export interface TestNetns {
  name: string;
  /** /run/netns/<name>, for `nsenter --net=`. */
  path: string;
  /** `nsenter --net=<path> <command…>`. */
  wrap(command: string[]): string[];
  /** Runs a command inside the namespace; never rejects (look at exitCode). */
  exec(file: string, args: string[]): Promise<{ exitCode: number | undefined; stdout: string; stderr: string }>;
  /** Whether something listens on 127.0.0.1:<port> inside the namespace. */
  isListening(port: number): Promise<boolean>;
  dispose(): Promise<void>;
}

const exists = (path: string): Promise<boolean> => access(path).then(() => true, () => false);

/** Why namespace tests cannot run here, or undefined when they can. */
export async function findNetnsBlocker(): Promise<string | undefined> {
  if (process.getuid?.() !== 0) return 'they need root (ip netns add)';
  for (const tool of ['ip', 'nsenter', 'ss']) {
    const found = await execa('sh', ['-c', `command -v ${tool}`], { reject: false });
    if (found.exitCode !== 0) return `${tool} is not installed (iproute2, util-linux)`;
  }
  return undefined;
}

export async function createTestNetns(options: { nodeInterface?: boolean } = {}): Promise<TestNetns> {
  const name = `${NETNS_PREFIX}${randomBytes(4).toString('hex')}`;
  const path = `/run/netns/${name}`;
  const netnsDirExisted = await exists('/run/netns');
  const ip = (args: string[]) => execa('ip', args, { stdin: 'ignore' });
  const wrap = (command: string[]): string[] => ['nsenter', `--net=${path}`, ...command];
  const netns: TestNetns = {
    name,
    path,
    wrap,
    async exec(file, args) {
      const [bin, ...rest] = wrap([file, ...args]) as [string, ...string[]];
      const result = await execa(bin, rest, { reject: false, stdin: 'ignore', timeout: 30_000 });
      return { exitCode: result.exitCode, stdout: String(result.stdout), stderr: String(result.stderr) };
    },
    async isListening(port) {
      const result = await netns.exec('ss', ['-Htln', `sport = :${port}`]);
      if (result.exitCode !== 0) throw new Error(`ss failed in ${name}: ${result.stderr}`);
      return result.stdout.trim() !== '';
    },
    async dispose() {
      if (await exists(path)) await execa('ip', ['netns', 'delete', name], { reject: false });
      // Only a mount we made, only when empty (umount fails while another netns is mounted inside).
      if (!netnsDirExisted && (await readdir('/run/netns').catch(() => ['?'])).length === 0) {
        await execa('umount', ['/run/netns'], { reject: false });
        await rmdir('/run/netns').catch(() => undefined);
      }
    },
  };
  try {
    await ip(['netns', 'add', name]);
    await ip(['-n', name, 'link', 'set', 'lo', 'up']);
    if (options.nodeInterface === true) {
      // A veth pair with both ends inside (no `dummy` module on every kernel): what leaves eth0
      // arrives on eth0-end, which has no address, and is dropped there.
      await ip(['-n', name, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'eth0-end']);
      await ip(['-n', name, 'addr', 'add', NODE_ADDRESS, 'dev', 'eth0']);
      await ip(['-n', name, 'link', 'set', 'eth0-end', 'up']);
      await ip(['-n', name, 'link', 'set', 'eth0', 'up']);
      await ip(['-n', name, 'route', 'add', 'default', 'dev', 'eth0']);
    }
  } catch (error) {
    await netns.dispose();
    throw error;
  }
  return netns;
}
