// `serve` builds the deck in a child process (`demystify build`): Marp, markdown-it and the bundler
// then never load into the long-lived server, whose memory stays small and bounded. Only the light
// path table is imported from src/deck here (its door would load Marp).
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import type { DeckBuild, DeckLocation } from '../deck/index.ts';
import { resolveDeckPaths } from '../deck/deck-paths.ts';
import { DemystifyError } from '../shared/index.ts';
import type { DemoManifest } from '../shared/index.ts';
import { PROJECT_ROOT } from './project-root.ts';

const BUILD_ERROR_PREFIX = 'demystify build: ';

export async function buildDeckInChildProcess(location: DeckLocation): Promise<DeckBuild> {
  const paths = resolveDeckPaths(location);
  const result = await execa(process.execPath, [join(PROJECT_ROOT, 'bin', 'demystify.js'), 'build', '--source', paths.source, '--out', dirname(paths.deckDir)], {
    reject: false,
    stdin: 'ignore',
  });
  if (result.exitCode !== 0) {
    const reason = result.stderr.split('\n').find((line) => line.startsWith(BUILD_ERROR_PREFIX));
    throw new DemystifyError('DECK_INVALID', reason ? reason.slice(BUILD_ERROR_PREFIX.length) : `The deck build failed (exit ${result.exitCode}):\n${result.stderr.slice(-2000)}`);
  }
  const manifest = JSON.parse(await readFile(paths.manifest, 'utf8')) as DemoManifest;
  const slides = (await readFile(paths.html, 'utf8')).match(/<svg data-marpit-svg/g)?.length ?? 0;
  return { paths, manifest, slides };
}
