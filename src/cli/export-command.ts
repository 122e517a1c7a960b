// `demystify export`: the PDF and the standalone HTML file, for after the talk.
import { relative } from 'node:path';
import { exportDeck, DECK_SOURCE } from '../deck/index.ts';
import { formatSeconds, parseDeckCommandArgs } from './build-command.ts';

export const EXPORT_USAGE = `Usage: demystify export [options]

Builds the deck, then writes <out>/<deck>.pdf (Marp CLI with Debian's Chromium, one page per slide)
and <out>/<deck>.html (one standalone file: images and client inlined, opens from file:// offline).

Options:
  --source <file>   the Markdown deck (default: ${DECK_SOURCE})
  --out <dir>       output folder (default: dist)
  -h, --help        show this help

Environment:
  CHROME_PATH=<file>  Chromium for the PDF (default: /usr/bin/chromium)`;

export async function runExportCommand(args: string[], root: string = process.cwd()): Promise<number> {
  const options = parseDeckCommandArgs('export', args);
  if (options.help) {
    console.log(EXPORT_USAGE);
    return 0;
  }
  const started = performance.now();
  const { pdf, standalone, slides, manifest } = await exportDeck({ root, outDir: options.out, source: options.source });
  console.log(`Deck exported in ${formatSeconds(performance.now() - started)} (${slides} slides, ${manifest.demos.length} demos):`);
  console.log(`  ${relative(root, pdf)}`);
  console.log(`  ${relative(root, standalone)}`);
  return 0;
}
