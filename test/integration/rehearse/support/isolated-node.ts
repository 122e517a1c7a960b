// Runs a command in a throw-away node of its own: a new network namespace (loopback up: the talk's
// fixed ports, etcd's 2379, never meet another test's) and a new mount namespace with a private
// tmpfs on /run (containerd's standard socket /run/containerd/containerd.sock and its state live
// there, not on the host). Both vanish with the command's last process: nothing to clean up after.
import { execa } from 'execa';

const SETUP = 'ip link set lo up && mount -t tmpfs -o mode=0755 tmpfs /run && exec "$@"';

export function wrapInIsolatedNode(command: readonly string[]): string[] {
  return ['unshare', '--net', '--mount', '--propagation', 'private', '--', 'bash', '-c', SETUP, 'isolated-node', ...command];
}

/** Why an isolated node cannot be made here, or undefined when it can. */
export async function findIsolationBlocker(): Promise<string | undefined> {
  if (process.getuid?.() !== 0) return 'it needs root (unshare --net --mount)';
  for (const tool of ['unshare', 'ip', 'mount', 'asciinema']) {
    const found = await execa('sh', ['-c', `command -v ${tool}`], { reject: false });
    if (found.exitCode !== 0) return `${tool} is not installed`;
  }
  const probe = await execa('unshare', ['--net', '--mount', '--', 'true'], { reject: false });
  return probe.exitCode === 0 ? undefined : `unshare fails here: ${String(probe.stderr)}`;
}
