// `exportDeck`: what organisers and attendees get afterwards, next to the live deck:
// dist/<deck>.pdf (Marp CLI --pdf in Debian's Chromium) and dist/<deck>.html (one file, opens from
// file:// with no request: images as data: URIs, the client inlined). Both show each recorded
// demo's output in its block (demos/recordings/<id>.cast, made by `demystify rehearse`), and the
// HTML carries the recordings so Run replays them in the page.
import { readFile, rename, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { marpCli } from '@marp-team/marp-cli';
import { DemystifyError } from '../shared/index.ts';
import { buildDeck } from './build-deck.ts';
import type { DeckBuild } from './build-deck.ts';
import { CHROMIUM_PATH } from './chromium.ts';
import type { DeckLocation } from './deck-paths.ts';
import { inlineLocalAssets } from './inline-assets.ts';
import { resolveEnginePath } from './engine-paths.ts';
import { BUILD_ENGINE_PATH, runMarp } from './marp-run.ts';
import { embedRecordings } from './recorded-blocks.ts';
import { withRecordedDemos } from './recorded-channel.ts';
import { loadRecordedDemos } from './recorded-demos.ts';

export const PDF_ENGINE_PATH = resolveEnginePath('export-engine');
/** Where `demystify rehearse` (and every live run that ends well) leaves the recordings. */
export const RECORDINGS_DIR = 'demos/recordings';

export const PDF_BROWSER_TIMEOUT_S = 120;

export interface DeckExport extends DeckBuild {
  pdf: string;
  standalone: string;
  /** Demo ids whose recorded output is in the exports. */
  recorded: string[];
  /** Recordings that could not be used (each names its file and the command that fixes it). */
  warnings: string[];
}

export interface ExportOptions extends DeckLocation {
  /** Chromium for the PDF; default /usr/bin/chromium or $CHROME_PATH. */
  browserPath?: string;
  /** The recordings shown in the exports (relative to root, or absolute); default demos/recordings. */
  recordingsDir?: string;
}

export async function exportDeck({ browserPath = CHROMIUM_PATH, recordingsDir = RECORDINGS_DIR, ...location }: ExportOptions): Promise<DeckExport> {
  if (!existsSync(browserPath)) {
    throw new DemystifyError('BINARY_MISSING', `Expected Chromium at ${browserPath} for the PDF export, got no such file. Install it (apt-get install chromium) or set CHROME_PATH.`);
  }
  const build = await buildDeck(location);
  const { paths } = build;
  const { demos, warnings } = await loadRecordedDemos(build.manifest, resolve(location.root, recordingsDir));
  const standalone = embedRecordings(await inlineLocalAssets(await readFile(paths.html, 'utf8'), paths.deckDir), demos);
  const temporary = `${paths.standalone}.tmp-${process.pid}`;
  await writeFile(temporary, standalone);
  await rename(temporary, paths.standalone);
  // The PDF is Marp's own (one page per slide), rendered by the export engine: the build engine
  // plus the recorded screens in their blocks.
  await withRecordedDemos(demos, () =>
    runMarp({
      source: paths.source,
      deck: paths.deck,
      output: paths.pdf,
      args: ['--pdf', '--allow-local-files', '--browser-path', browserPath, '--browser-timeout', String(PDF_BROWSER_TIMEOUT_S)],
      runMarp: (argv) => marpCli(argv.map((arg) => (arg === BUILD_ENGINE_PATH ? PDF_ENGINE_PATH : arg))),
    }),
  );
  return { ...build, pdf: paths.pdf, standalone: paths.standalone, recorded: [...demos.keys()], warnings };
}
