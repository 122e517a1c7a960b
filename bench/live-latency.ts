// Click-to-first-byte: POST /api/run through the real server and orchestrator until the first byte
// of output arrives on the event stream, against spawning the same command with
// child_process.spawn until its first stdout byte. Samples alternate (A B, B A, …) so load from
// other processes hits both alike.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { StreamMessage } from '../src/shared/index.ts';
import { defineDemo } from '../test/integration/orchestrator/support/test-manifest.ts';
import { postAction } from '../test/integration/server/support/api-client.ts';
import { openEventStream } from '../test/integration/server/support/event-stream-client.ts';
import { startLiveHarness } from '../test/integration/server/support/live-harness.ts';

export const LATENCY_COMMAND = 'echo bonjour';

export interface Percentiles {
  p50: number;
  p95: number;
}

export interface LatencyResult {
  samples: number;
  direct: Percentiles;
  live: Percentiles;
}

export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? Number.NaN;
}

/** Spawns bash running the command, as the orchestrator would; ms until its first stdout byte. */
function spawnDirect(cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let first: number | undefined;
    const child = spawn('bash', ['-o', 'pipefail', '-c', LATENCY_COMMAND], { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.once('data', () => (first = performance.now() - started));
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', () => (first === undefined ? reject(new Error('no output')) : resolve(first)));
  });
}

export async function measureClickToFirstByte(samples: number, warmup = 3): Promise<LatencyResult> {
  const harness = await startLiveHarness({ demos: [defineDemo({ id: 'hello', command: LATENCY_COMMAND })] });
  const waiters = new Set<(message: StreamMessage) => void>();
  const stream = await openEventStream({ port: harness.port, cookie: harness.cookie, keepOutput: false, onFrame: ({ message }) => waiters.forEach((waiter) => waiter(message)) });
  const seenRuns = new Set<string>();
  const once = (predicate: (message: StreamMessage) => boolean): Promise<StreamMessage> =>
    new Promise((resolve) => {
      const waiter = (message: StreamMessage): void => {
        if (!predicate(message)) return;
        waiters.delete(waiter);
        resolve(message);
      };
      waiters.add(waiter);
    });
  /** ms from the POST to the first output event of the new run; then waits (untimed) for its end. */
  const viaServer = async (): Promise<number> => {
    const firstOutput = once((message) => message.type === 'output' && !seenRuns.has(message.runId));
    const started = performance.now();
    const [output] = await Promise.all([firstOutput, postAction(harness, 'run', 'hello')]);
    const elapsed = performance.now() - started;
    const runId = output.type === 'output' ? output.runId : '';
    seenRuns.add(runId);
    if (harness.orchestrator.snapshot('hello').state !== 'exited') await once((message) => message.type === 'state' && message.runId === runId && message.state === 'exited');
    return elapsed;
  };
  try {
    const direct: number[] = [];
    const live: number[] = [];
    for (let round = 0; round < warmup + samples; round += 1) {
      const pair = round % 2 === 0 ? [await spawnDirect(harness.space.workspace), await viaServer()] : [await viaServer(), await spawnDirect(harness.space.workspace)].reverse();
      if (round < warmup) continue;
      direct.push(pair[0] as number);
      live.push(pair[1] as number);
    }
    return {
      samples,
      direct: { p50: percentile(direct, 0.5), p95: percentile(direct, 0.95) },
      live: { p50: percentile(live, 0.5), p95: percentile(live, 0.95) },
    };
  } finally {
    stream.close();
    await harness.close();
  }
}
