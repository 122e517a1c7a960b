// Where the deck comes from and where every build product goes (one table, absolute paths).
import { basename, dirname, extname, join, relative, resolve } from 'node:path';

export const DECK_SOURCE = 'slides/demystifions-kubernetes.md';

export interface DeckLocation {
  /** Project root. */
  root: string;
  /** Output folder; default `<root>/dist`. */
  outDir?: string;
  /** The Markdown deck, relative to root (or absolute); default slides/demystifions-kubernetes.md. */
  source?: string;
}

export interface DeckPaths {
  root: string;
  /** Absolute path of the Markdown deck. */
  source: string;
  /** The deck as named in messages and in the manifest: relative to root, `/`-separated. */
  deck: string;
  /** Images the deck refers to as `binaries/<file>`: the folder next to the deck. */
  binaries: string;
  /** `dist/deck/`: the live deck, served by `demystify serve`. */
  deckDir: string;
  /** `dist/deck/index.html` */
  html: string;
  /** `dist/deck/binaries/` */
  deckBinaries: string;
  /** `dist/deck/demos.json` */
  manifest: string;
  /** `dist/<deck name>.pdf` */
  pdf: string;
  /** `dist/<deck name>.html`: one file, images and client inlined. */
  standalone: string;
}

export function resolveDeckPaths({ root, outDir, source = DECK_SOURCE }: DeckLocation): DeckPaths {
  const rootPath = resolve(root);
  const out = resolve(rootPath, outDir ?? 'dist');
  const sourcePath = resolve(rootPath, source);
  const name = basename(sourcePath, extname(sourcePath));
  const deckDir = join(out, 'deck');
  return {
    root: rootPath,
    source: sourcePath,
    deck: relative(rootPath, sourcePath).split('\\').join('/'),
    binaries: join(dirname(sourcePath), 'binaries'),
    deckDir,
    html: join(deckDir, 'index.html'),
    deckBinaries: join(deckDir, 'binaries'),
    manifest: join(deckDir, 'demos.json'),
    pdf: join(out, `${name}.pdf`),
    standalone: join(out, `${name}.html`),
  };
}
