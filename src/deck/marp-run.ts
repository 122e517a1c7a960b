// Runs Marp CLI in this process on one deck with the build engine, and returns the manifest the
// plugin collected during that very render (no second pass over the Markdown).
import { marpCli } from '@marp-team/marp-cli';
import { DemystifyError, isDemystifyError } from '../shared/index.ts';
import type { DemoManifest } from '../shared/index.ts';
import { resolveEnginePath } from './engine-paths.ts';
import { withRenderChannel } from './render-channel.ts';

export const BUILD_ENGINE_PATH = resolveEnginePath('build-engine');

export interface MarpRunOptions {
  /** Absolute path of the Markdown deck. */
  source: string;
  /** The deck as named to the user and in the manifest (relative to the project root). */
  deck: string;
  /** Absolute path of the file Marp CLI writes. */
  output: string;
  /** More Marp CLI arguments (`--pdf`, `--template bare`, …). */
  args?: string[];
  /** Injectable for tests; production: Marp CLI's API. */
  runMarp?: (argv: string[]) => Promise<number>;
}

export async function runMarp({ source, deck, output, args = [], runMarp = marpCli }: MarpRunOptions): Promise<DemoManifest> {
  const argv = [source, '--no-config-file', '--engine', BUILD_ENGINE_PATH, '--html', ...args, '-o', output];
  let failure: unknown;
  const { result: exitCode, outcome } = await withRenderChannel(deck, () =>
    runMarp(argv).catch((error: unknown) => {
      failure = error;
      return 1;
    }),
  );
  if (outcome?.type === 'error') {
    if (isDemystifyError(outcome.error)) throw outcome.error;
    throw new DemystifyError('INTERNAL', `Marp could not render ${deck}: ${String(outcome.error)}`, { cause: outcome.error });
  }
  if (outcome === undefined) {
    throw new DemystifyError(
      'INTERNAL',
      `Expected Marp CLI to load the deck engine ${BUILD_ENGINE_PATH}, got ${failure === undefined ? 'no render' : String(failure)}. ` +
        "On Node 20 run the build through bin/demystify.js or with NODE_OPTIONS='--import tsx'.",
      { cause: failure },
    );
  }
  if (failure !== undefined || exitCode !== 0) {
    throw new DemystifyError('INTERNAL', `Expected Marp CLI to write ${output}, got ${failure === undefined ? `exit code ${exitCode}` : String(failure)}`, { cause: failure });
  }
  return { ...outcome.manifest, deck };
}
