// Every image the deck shows is a file the project made, in slides/binaries/, and
// make-images knows how to draw each of them.

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createImageCatalog } from '../../../src/deck/images/index.ts';
import { BINARIES_DIR, extractImageSources, readDeck } from './deck-markdown.ts';

const catalog = createImageCatalog({ readManifest: () => 'kind: Fixture\n' });

describe('deck images', () => {
  it('refers only to files under binaries/ that exist', () => {
    const sources = extractImageSources(readDeck());
    expect(sources.length).toBeGreaterThan(30);
    for (const source of sources) {
      expect(source, 'Expected a local image under binaries/').toMatch(/^binaries\/[\w.-]+$/);
      expect(existsSync(join(BINARIES_DIR, source.slice('binaries/'.length))), `missing slides/${source}`).toBe(true);
    }
  });

  it('finds the background images too', () => {
    const sources = extractImageSources('![bg fit right:45%](binaries/a.svg) <img src="binaries/b.svg"> ![w](binaries/c.svg "t")');
    expect(sources).toEqual(['binaries/a.svg', 'binaries/c.svg', 'binaries/b.svg']);
  });

  it('uses every file of slides/binaries (no orphan image)', () => {
    const used = new Set(extractImageSources(readDeck()).map((source) => source.slice('binaries/'.length)));
    const files = readdirSync(BINARIES_DIR).filter((file) => !file.startsWith('.'));
    expect(files.filter((file) => !used.has(file))).toEqual([]);
  });

  it('draws with make-images exactly the images the deck refers to', () => {
    const used = [...new Set(extractImageSources(readDeck()).map((source) => source.slice('binaries/'.length)))].sort();
    expect(catalog.map((entry) => entry.file).sort()).toEqual(used);
  });
});
