// Starts a containerd with a given config and waits until its socket accepts connections
// (containerd listens only after every plugin has loaded). Used by `demystify images --start`
// to preload images before the talk, and by the integration tests; during the talk the
// orchestrator runs the slide's own `sudo bin/containerd --config containerd/config.toml`.
import { connect } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { execa } from 'execa';
import { DemystifyError } from '../../shared/index.ts';

export const CONTAINERD_READY_TIMEOUT_MS = 30_000;
export const CONTAINERD_STOP_TIMEOUT_MS = 10_000;
const POLL_INTERVAL_MS = 50;

export type ContainerdProcess = {
  pid: number;
  address: string;
  /** Resolves with the exit code (or signal name) once containerd has exited. */
  exited: Promise<number | string>;
  /** SIGTERM, then SIGKILL after the grace period; resolves once the process is gone. */
  stop(): Promise<void>;
};

export type StartContainerdOptions = {
  configPath: string;
  /** The config's gRPC address, to wait on. */
  address: string;
  logFile: string;
  containerdPath?: string;
  /** Run containerd inside this network namespace (`nsenter --net=<path>`, which execs it: same pid). */
  netnsPath?: string;
  readyTimeoutMs?: number;
  stopTimeoutMs?: number;
};

export function isSocketAccepting(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(path);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function startContainerd(options: StartContainerdOptions): Promise<ContainerdProcess> {
  const { configPath, address, logFile, containerdPath = 'containerd', netnsPath } = options;
  const { readyTimeoutMs = CONTAINERD_READY_TIMEOUT_MS, stopTimeoutMs = CONTAINERD_STOP_TIMEOUT_MS } = options;
  const command = [...(netnsPath === undefined ? [] : ['nsenter', `--net=${netnsPath}`]), containerdPath, '--config', configPath];
  const [file, ...args] = command as [string, ...string[]];
  // Both streams append to one log (O_APPEND keeps their lines whole).
  const log = { file: logFile, append: true } as const;
  const child = execa(file, args, { stdin: 'ignore', stdout: log, stderr: log, reject: false, cleanup: true, forceKillAfterDelay: stopTimeoutMs });
  const exited = child.then((result) => result.exitCode ?? result.signal ?? 'unknown');
  let gone = false;
  void exited.then(() => (gone = true));
  const pid = child.pid;
  if (pid === undefined) {
    const reason = (await child).shortMessage;
    throw new DemystifyError('BINARY_MISSING', `Could not start ${containerdPath}: ${reason}. Expected containerd on the PATH or in workspace/bin (demystify fetch).`);
  }
  const stop = async (): Promise<void> => {
    if (gone) return;
    child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + readyTimeoutMs;
  while (!(await isSocketAccepting(address))) {
    if (gone) {
      throw new DemystifyError('EXITED_BEFORE_READY', `containerd (pid ${pid}) exited with ${await exited} before its socket ${address} answered. Expected it to start; see ${logFile}.`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new DemystifyError('READY_TIMEOUT', `containerd (pid ${pid}) did not open ${address} within ${readyTimeoutMs} ms. See ${logFile}.`);
    }
    await delay(POLL_INTERVAL_MS);
  }
  return { pid, address, exited, stop };
}
