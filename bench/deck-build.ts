// Deck build time against plain Marp CLI (no config, no plugin) on the same Markdown, same run.
// In process (the way `demystify serve` rebuilds): warm-up, then ROUNDS alternating plain and ours
// (blocks of BLOCK runs each, ABBA order), median of the per-round ratios; target ≤ 1.3×. Also, for
// information, whole cold processes (Node start included): `npm run build` from a shell.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { marpCli } from '@marp-team/marp-cli';
import { execa } from 'execa';
import { buildDeck, DECK_SOURCE } from '../src/deck/index.ts';
import type { Bench } from './bench.ts';
import { formatMs, formatRatio, measureAlternating } from './bench.ts';

export const DECK_BUILD_TARGET_RATIO = 1.3;
const ROUNDS = 6;
const BLOCK = 5;
const COLD_RUNS = 5;
const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const MARP_CLI = join(ROOT, 'node_modules/@marp-team/marp-cli/marp-cli.js');

/** Marp CLI logs progress with console.warn; keep the bench output to its figures. */
async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  const log = console.log;
  console.warn = () => undefined;
  console.log = () => undefined;
  try {
    return await run();
  } finally {
    console.warn = warn;
    console.log = log;
  }
}

export const deckBuildBench: Bench = {
  name: 'deck build vs plain marp',
  async run() {
    const source = join(ROOT, DECK_SOURCE);
    const out = await mkdtemp(join(tmpdir(), 'demystify-bench-deck-'));
    try {
      const plain = (): Promise<unknown> => quietly(() => marpCli([source, '--no-config-file', '-o', join(out, 'plain.html')]));
      const ours = (): Promise<unknown> => quietly(() => buildDeck({ root: ROOT, outDir: join(out, 'ours') }));
      const warm = await measureAlternating({ baseline: plain, candidate: ours, runs: ROUNDS, block: BLOCK, warmup: 2 });
      const { ratio } = warm;
      console.log(`${DECK_SOURCE}, in process, ${ROUNDS} rounds × ${BLOCK} runs a side, alternating (median times; ratio = median of per-round ratios):`);
      console.log(`  plain marp ${formatMs(warm.baseline)} · demystify build ${formatMs(warm.candidate)} → ${formatRatio(ratio)}`);
      console.log(`  target ≤ ${formatRatio(DECK_BUILD_TARGET_RATIO)}: ${ratio <= DECK_BUILD_TARGET_RATIO ? 'met' : 'NOT met'}`);

      const coldPlain = (): Promise<unknown> => execa(process.execPath, [MARP_CLI, '--no-config-file', source, '-o', join(out, 'cold-plain.html')], { stdin: 'ignore' });
      const coldOurs = (): Promise<unknown> =>
        execa(process.execPath, [join(ROOT, 'bin', 'demystify.js'), 'build', '--out', join(out, 'cold-ours')], { cwd: ROOT, stdin: 'ignore' });
      const cold = await measureAlternating({ baseline: coldPlain, candidate: coldOurs, runs: COLD_RUNS, warmup: 1 });
      console.log(`  for information, whole processes, ${COLD_RUNS} runs alternating (medians): plain marp ${formatMs(cold.baseline)} · ` +
        `node bin/demystify.js build ${formatMs(cold.candidate)} → ${formatRatio(cold.ratio)} (includes Node start)`);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  },
};
