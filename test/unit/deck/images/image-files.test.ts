import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findStaleImageFiles, PLACEHOLDER_MARKER, renderPlaceholder, writeImageFiles } from '../../../../src/deck/images/index.ts';
import type { ImageEntry } from '../../../../src/deck/images/index.ts';

const placeholder: ImageEntry = {
  file: 'denis.svg',
  kind: 'placeholder',
  render: () => renderPlaceholder({ file: 'denis.svg', title: 'Photo de l’orateur', width: 300, height: 400, glyph: 'person' }),
};
const diagram: ImageEntry = { file: 'demo.svg', kind: 'diagram', render: () => '<svg/>\n' };

describe('writeImageFiles', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'demystify-images-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes missing images, then finds them unchanged', () => {
    expect(writeImageFiles({ entries: [placeholder, diagram], outDir: dir }).map((r) => r.status)).toEqual(['written', 'written']);
    expect(readFileSync(join(dir, 'denis.svg'), 'utf8')).toContain(PLACEHOLDER_MARKER);
    expect(writeImageFiles({ entries: [placeholder, diagram], outDir: dir }).map((r) => r.status)).toEqual(['unchanged', 'unchanged']);
  });

  it('keeps a placeholder the speaker replaced with their own picture', () => {
    const own = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><title>me</title></svg>';
    writeFileSync(join(dir, 'denis.svg'), own);
    expect(writeImageFiles({ entries: [placeholder], outDir: dir })).toEqual([{ file: 'denis.svg', status: 'kept' }]);
    expect(readFileSync(join(dir, 'denis.svg'), 'utf8')).toBe(own);
  });

  it('overwrites a stale generated image, and only reports it in a dry run', () => {
    writeFileSync(join(dir, 'demo.svg'), '<svg>old</svg>');
    expect(findStaleImageFiles([diagram], dir)).toEqual(['demo.svg']);
    expect(readFileSync(join(dir, 'demo.svg'), 'utf8')).toBe('<svg>old</svg>');
    writeImageFiles({ entries: [diagram], outDir: dir });
    expect(findStaleImageFiles([diagram], dir)).toEqual([]);
  });
});
