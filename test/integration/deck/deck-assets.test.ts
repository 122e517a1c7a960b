// The build's file work on real folders: images mirrored into dist/deck (only what changed, stale
// ones removed) and inlined as data: URIs in the standalone export.
import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inlineLocalAssets } from '../../../src/deck/index.ts';
import { syncFolder } from '../../../src/deck/sync-folder.ts';

let work = '';

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'demystify-deck-assets-'));
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('syncFolder', () => {
  it('copies new and changed files, removes stale ones, and leaves unchanged ones alone', async () => {
    const from = join(work, 'binaries');
    const to = join(work, 'dist', 'binaries');
    await mkdir(join(from, 'logos'), { recursive: true });
    await writeFile(join(from, 'a.svg'), '<svg>a</svg>');
    await writeFile(join(from, 'logos', 'b.svg'), '<svg>b</svg>');
    await syncFolder(from, to);
    expect(await readFile(join(to, 'logos', 'b.svg'), 'utf8')).toBe('<svg>b</svg>');

    const untouched = (await stat(join(to, 'a.svg'))).ino;
    await writeFile(join(from, 'logos', 'b.svg'), '<svg>b, redrawn</svg>');
    const later = new Date(Date.now() + 5_000);
    await utimes(join(from, 'logos', 'b.svg'), later, later);
    await writeFile(join(to, 'stale.png'), 'old');
    await syncFolder(from, to);
    expect(await readFile(join(to, 'logos', 'b.svg'), 'utf8')).toBe('<svg>b, redrawn</svg>');
    await expect(stat(join(to, 'stale.png'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await stat(join(to, 'a.svg'))).ino).toBe(untouched);
  });

  it('empties the target when the source folder does not exist', async () => {
    const to = join(work, 'dist', 'binaries');
    await mkdir(to, { recursive: true });
    await writeFile(join(to, 'old.svg'), 'x');
    await syncFolder(join(work, 'absent'), to);
    await expect(stat(join(to, 'old.svg'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('inlineLocalAssets', () => {
  it('inlines <img src> and Marp’s background url(&quot;…&quot;) as data URIs, leaving links and remote URLs', async () => {
    await mkdir(join(work, 'binaries'));
    await writeFile(join(work, 'binaries', 'logo one.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    await writeFile(join(work, 'binaries', 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const html = [
      '<img src="binaries/logo%20one.svg" alt="">',
      '<figure style="background-image:url(&quot;binaries/photo.png&quot;);"></figure>',
      '<a href="binaries/photo.png">lien</a>',
      '<img src="https://example.org/remote.png">',
      '<style>section{background:url("binaries/photo.png")}</style>',
    ].join('\n');
    const inlined = await inlineLocalAssets(html, work);
    expect(inlined).toContain(`<img src="data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64')}" alt="">`);
    expect(inlined).toContain('background-image:url(&quot;data:image/png;base64,iVBORw==&quot;);');
    expect(inlined).toContain('background:url("data:image/png;base64,iVBORw==")');
    expect(inlined).toContain('<a href="binaries/photo.png">lien</a>');
    expect(inlined).toContain('<img src="https://example.org/remote.png">');
  });

  it('fails naming the image when a local reference is missing or leaves the deck folder', async () => {
    await expect(inlineLocalAssets('<img src="binaries/missing.svg">', work)).rejects.toMatchObject({
      code: 'DECK_INVALID',
      message: expect.stringContaining('Expected the image binaries/missing.svg') as unknown as string,
    });
    await expect(inlineLocalAssets('<img src="../secret.png">', join(work, 'deck'))).rejects.toMatchObject({ code: 'DECK_INVALID' });
  });
});
