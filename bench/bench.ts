// What every bench shares: its shape, timing of alternating runs, medians, formatting.
import { performance } from 'node:perf_hooks';

export interface Bench {
  name: string;
  /** Prints its figures (and whether its target is met); throws only when it cannot measure. */
  run(): Promise<void>;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export async function measureMs(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

export interface AlternatingOptions {
  baseline: () => Promise<unknown>;
  candidate: () => Promise<unknown>;
  /** Rounds; each runs both sides, in turn (ABBA order across rounds). */
  runs: number;
  /** Runs of one side in a row inside a round (default 1). */
  block?: number;
  /** Unmeasured rounds first (module loading, JIT). */
  warmup?: number;
}

export interface AlternatingResult {
  /** Median time of each side, ms. */
  baseline: number;
  candidate: number;
  /** Median of the per-round ratios candidate/baseline (each round runs both back to back). */
  ratio: number;
}

/**
 * Runs baseline and candidate in turn, so that load from other processes hits both alike; the
 * per-round ratio is steadier than the ratio of medians on a busy machine. In-process runs of one
 * side come in blocks: run singly in turn, each side's garbage is collected during the other's run
 * and the cheaper side looks cheaper still.
 */
export async function measureAlternating({ baseline, candidate, runs, block = 1, warmup = 0 }: AlternatingOptions): Promise<AlternatingResult> {
  for (let round = 0; round < warmup; round += 1) {
    await baseline();
    await candidate();
  }
  const times = { baseline: [] as number[], candidate: [] as number[] };
  const ratios: number[] = [];
  const measureBlock = async (run: () => Promise<unknown>, into: number[]): Promise<number> => {
    const own: number[] = [];
    for (let index = 0; index < block; index += 1) own.push(await measureMs(run));
    into.push(...own);
    return median(own);
  };
  for (let round = 0; round < runs; round += 1) {
    const baselineFirst = round % 2 === 0;
    const first = baselineFirst ? await measureBlock(baseline, times.baseline) : await measureBlock(candidate, times.candidate);
    const second = baselineFirst ? await measureBlock(candidate, times.candidate) : await measureBlock(baseline, times.baseline);
    ratios.push(baselineFirst ? second / first : first / second);
  }
  return { baseline: median(times.baseline), candidate: median(times.candidate), ratio: median(ratios) };
}

export function formatMs(ms: number): string {
  return `${ms.toFixed(0)} ms`;
}

export function formatRatio(ratio: number): string {
  return `${ratio.toFixed(2)}×`;
}
