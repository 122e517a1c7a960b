// `exportDeck`: what organisers and attendees get afterwards, next to the live deck:
// dist/<deck>.pdf (Marp CLI --pdf in Debian's Chromium) and dist/<deck>.html (one file, opens from
// file:// with no request: images as data: URIs, the client inlined).
import { readFile, rename, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { DemystifyError } from '../shared/index.ts';
import { buildDeck } from './build-deck.ts';
import type { DeckBuild } from './build-deck.ts';
import { CHROMIUM_PATH } from './chromium.ts';
import type { DeckLocation } from './deck-paths.ts';
import { inlineLocalAssets } from './inline-assets.ts';
import { runMarp } from './marp-run.ts';

export const PDF_BROWSER_TIMEOUT_S = 120;

export interface DeckExport extends DeckBuild {
  pdf: string;
  standalone: string;
}

export interface ExportOptions extends DeckLocation {
  /** Chromium for the PDF; default /usr/bin/chromium or $CHROME_PATH. */
  browserPath?: string;
}

export async function exportDeck({ browserPath = CHROMIUM_PATH, ...location }: ExportOptions): Promise<DeckExport> {
  if (!existsSync(browserPath)) {
    throw new DemystifyError('BINARY_MISSING', `Expected Chromium at ${browserPath} for the PDF export, got no such file. Install it (apt-get install chromium) or set CHROME_PATH.`);
  }
  const build = await buildDeck(location);
  const { paths } = build;
  const standalone = await inlineLocalAssets(await readFile(paths.html, 'utf8'), paths.deckDir);
  const temporary = `${paths.standalone}.tmp-${process.pid}`;
  await writeFile(temporary, standalone);
  await rename(temporary, paths.standalone);
  await runMarp({
    source: paths.source,
    deck: paths.deck,
    output: paths.pdf,
    args: ['--pdf', '--allow-local-files', '--browser-path', browserPath, '--browser-timeout', String(PDF_BROWSER_TIMEOUT_S)],
  });
  return { ...build, pdf: paths.pdf, standalone: paths.standalone };
}
