// `buildDeck`: the live deck in dist/deck/ — index.html (Marp bespoke + the one client script),
// binaries/ (the deck's images), demos.json (the manifest the orchestrator and server read).
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { DemystifyError } from '../shared/index.ts';
import type { DemoManifest } from '../shared/index.ts';
import { createClientBundle } from './client-bundle.ts';
import { finishDeckPage } from './deck-page.ts';
import { resolveDeckPaths } from './deck-paths.ts';
import type { DeckLocation, DeckPaths } from './deck-paths.ts';
import { runMarp } from './marp-run.ts';
import { syncFolder } from './sync-folder.ts';

export interface DeckBuild {
  paths: DeckPaths;
  manifest: DemoManifest;
  /** Slides in the built deck (Marp's one <svg data-marpit-svg> per slide). */
  slides: number;
}

export function countSlides(html: string): number {
  return html.match(/<svg data-marpit-svg/g)?.length ?? 0;
}

export async function buildDeck(location: DeckLocation): Promise<DeckBuild> {
  const paths = resolveDeckPaths(location);
  if (!existsSync(paths.source)) {
    throw new DemystifyError('DECK_INVALID', `Expected the deck at ${paths.source}, got no such file. Write it, or pass another source.`);
  }
  await mkdir(paths.deckDir, { recursive: true });
  // The client bundle (esbuild's own process) and the image copy (libuv's threads) run while Marp
  // renders on this thread.
  const bundle = createClientBundle();
  const images = syncFolder(paths.binaries, paths.deckBinaries);
  try {
    // Marp CLI writes index.html, then it is finished in place (atomically replaced): a page loaded
    // between the two lacks the client, which is why the server reloads pages after a build.
    const manifest = await runMarp({ source: paths.source, deck: paths.deck, output: paths.html, args: ['--template', 'bespoke', '--bespoke.progress'] });
    const page = finishDeckPage(await readFile(paths.html, 'utf8'), await bundle);
    await Promise.all([writeAtomically(paths.html, page), writeAtomically(paths.manifest, `${JSON.stringify(manifest, null, 2)}\n`), images]);
    return { paths, manifest, slides: countSlides(page) };
  } finally {
    await Promise.allSettled([bundle, images]);
  }
}

async function writeAtomically(path: string, content: string): Promise<void> {
  const temporary = `${path}.tmp-${process.pid}`;
  await writeFile(temporary, content);
  await rename(temporary, path);
}
