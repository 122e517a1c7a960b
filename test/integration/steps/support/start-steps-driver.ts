// Starts steps-driver.ts inside a test's network namespace (and, for a whole node, inside the
// node isolation's private mounts) and talks to it. close() asks it to stop its demos and exit;
// whatever is left after that (or after kill()) is reaped through the orchestrator's pid records.
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import type { ResultPromise } from 'execa';
import { createPidRegistry, reapOrphans } from '../../../../src/orchestrator/index.ts';
import type { DemoSnapshot } from '../../../../src/shared/index.ts';
import type { CleanupNodeReport, EnsuredImage } from '../../../../src/workspace/index.ts';
import type { DriverCommand, DriverConfig } from './driver-protocol.ts';
import type { TestNetns } from './test-netns.ts';

const PROJECT_ROOT = join(import.meta.dirname, '../../../..');
const DRIVER = join(import.meta.dirname, 'steps-driver.ts');
const DRIVER_START_TIMEOUT_MS = 30_000;

export interface StepsDriver {
  readonly pid: number;
  /** Where the driver's stderr goes (for failure messages). */
  readonly logFile: string;
  run(id: string): Promise<DemoSnapshot>;
  stop(id: string): Promise<DemoSnapshot>;
  images(address: string, imagesDir: string): Promise<EnsuredImage[]>;
  cleanupNode(request: Omit<Extract<DriverCommand, { op: 'cleanup-node' }>, 'op'>): Promise<CleanupNodeReport>;
  /** SIGKILL, as a crash would; resolves once the kernel has reaped it. */
  kill(): Promise<void>;
  /** Stops its demos and exits (SIGKILL if it does not), then reaps anything of ours left. */
  close(): Promise<void>;
}

export interface StartStepsDriverOptions {
  netns: TestNetns;
  config: DriverConfig;
  /** A folder of the test's for the config file and the driver's log. */
  dir: string;
  /** Wraps the driver's command (the node isolation's private mounts). */
  wrap?: (command: string[]) => string[];
  /** Per request; default: the longest demo deadline + 30 s. */
  requestTimeoutMs?: number;
}

export async function startStepsDriver(options: StartStepsDriverOptions): Promise<StepsDriver> {
  const { netns, config, dir, wrap = (command) => command } = options;
  const configPath = join(dir, `driver-${process.pid}-${Date.now()}.json`);
  const logFile = `${configPath}.log`;
  await writeFile(configPath, JSON.stringify(config));
  const requestTimeoutMs = options.requestTimeoutMs ?? Math.max(...config.manifest.demos.map((demo) => demo.timeoutMs), 0) + 30_000;
  const [file, ...args] = netns.wrap(wrap([process.execPath, '--import', 'tsx', DRIVER, configPath])) as [string, ...string[]];
  const child: ResultPromise = execa(file, args, { cwd: PROJECT_ROOT, stdin: 'pipe', stdout: 'pipe', stderr: 'pipe', buffer: false, reject: false });
  child.stderr?.pipe(createWriteStream(logFile));
  const exited = child.then(() => undefined);
  let ended = false;
  void exited.then(() => (ended = true));

  const pending = new Map<number, { resolve: (answer: Record<string, unknown>) => void; reject: (error: Error) => void }>();
  let sequence = 0;
  let text = '';
  let started: () => void = () => undefined;
  const startedPromise = new Promise<void>((resolve) => (started = resolve));
  child.stdout?.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
    let newline: number;
    while ((newline = text.indexOf('\n')) !== -1) {
      const line = text.slice(0, newline);
      text = text.slice(newline + 1);
      if (line === 'STARTED') started();
      if (!line.startsWith('REPLY ')) continue;
      const answer = JSON.parse(line.slice('REPLY '.length)) as Record<string, unknown>;
      const waiter = pending.get(answer['seq'] as number);
      pending.delete(answer['seq'] as number);
      if (typeof answer['error'] === 'string') waiter?.reject(new Error(`steps driver: ${answer['error']}`));
      else waiter?.resolve(answer);
    }
  });
  void exited.then(() => {
    for (const waiter of pending.values()) waiter.reject(new Error(`steps driver exited (see ${logFile})`));
    pending.clear();
  });

  const request = (command: DriverCommand, timeoutMs = requestTimeoutMs): Promise<Record<string, unknown>> => {
    if (ended) return Promise.reject(new Error(`steps driver already exited (see ${logFile})`));
    const seq = (sequence += 1);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(seq);
        reject(new Error(`steps driver: no answer to ${JSON.stringify(command)} within ${timeoutMs} ms (see ${logFile})`));
      }, timeoutMs);
      const settle = <T>(callback: (value: T) => void) => (value: T) => {
        clearTimeout(timer);
        callback(value);
      };
      pending.set(seq, { resolve: settle(resolve), reject: settle(reject) });
      child.stdin?.write(`${JSON.stringify({ seq, ...command })}\n`);
    });
  };

  const reapLeftovers = async (): Promise<void> => {
    await reapOrphans({ registry: createPidRegistry(join(config.workspace, '.demystify')), force: true, graceMs: 2_000 });
  };
  const kill = async (): Promise<void> => {
    child.kill('SIGKILL');
    await exited;
  };

  const timeout = new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error(`steps driver not started within ${DRIVER_START_TIMEOUT_MS} ms (see ${logFile})`)), DRIVER_START_TIMEOUT_MS).unref());
  try {
    await Promise.race([startedPromise, timeout, exited.then(() => Promise.reject(new Error(`steps driver exited at start (see ${logFile})`)))]);
  } catch (error) {
    await kill();
    throw error;
  }

  return {
    pid: child.pid ?? 0,
    logFile,
    run: async (id) => (await request({ op: 'run', id }))['snapshot'] as DemoSnapshot,
    stop: async (id) => (await request({ op: 'stop', id }))['snapshot'] as DemoSnapshot,
    images: async (address, imagesDir) => (await request({ op: 'images', address, imagesDir }))['images'] as EnsuredImage[],
    cleanupNode: async (cleanup) => (await request({ op: 'cleanup-node', ...cleanup }))['report'] as CleanupNodeReport,
    kill,
    async close() {
      if (!ended) await request({ op: 'exit' }, 60_000).catch(() => undefined);
      if (!ended) await kill();
      await exited;
      await reapLeftovers();
    },
  };
}
