// `demystify build`: the live deck in dist/deck/ (index.html, binaries/, demos.json).
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDeck, DECK_SOURCE } from '../deck/index.ts';
import { DemystifyError } from '../shared/index.ts';

export const BUILD_USAGE = `Usage: demystify build [options]

Renders the deck with Marp and the demo plugin into <out>/deck/: index.html (the live deck, client
inlined), binaries/ (its images) and demos.json (the demo manifest the orchestrator reads).

Options:
  --source <file>   the Markdown deck (default: ${DECK_SOURCE})
  --out <dir>       output folder (default: dist)
  -h, --help        show this help`;

export interface DeckCommandOptions {
  source?: string;
  out?: string;
  help: boolean;
}

export function parseDeckCommandArgs(command: string, args: string[]): DeckCommandOptions {
  try {
    const { values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: { source: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    return { source: values.source, out: values.out, help: values.help ?? false };
  } catch (error) {
    throw new DemystifyError('BAD_INPUT', `${(error as Error).message}. Expected the options of \`demystify ${command} --help\`.`, { cause: error });
  }
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

export async function runBuildCommand(args: string[], root: string = process.cwd()): Promise<number> {
  const options = parseDeckCommandArgs('build', args);
  if (options.help) {
    console.log(BUILD_USAGE);
    return 0;
  }
  const started = performance.now();
  const { paths, manifest, slides } = await buildDeck({ root, outDir: options.out, source: options.source });
  const show = (path: string): string => relative(root, path) || '.';
  console.log(`Deck built in ${formatSeconds(performance.now() - started)}: ${show(paths.html)} (${slides} slides, ${manifest.demos.length} demos)`);
  console.log(`  manifest ${show(paths.manifest)} · images ${show(paths.deckBinaries)}`);
  return 0;
}
