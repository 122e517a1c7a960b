// `demystify build` and `demystify export` as a user runs them: the live deck in dist/deck/, the PDF
// (one page per slide, the demo commands in its text) and the standalone HTML; and a broken deck
// reported as one clear line naming the slide.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoManifest } from '../../../src/shared/index.ts';
import { createDeckMarp } from '../../../src/deck/index.ts';
import { PROJECT_ROOT, countSourceSlides, pickDeck, readDeck } from '../../fixtures/decks/deck-sources.ts';
import { runDeckCommand } from '../../fixtures/decks/run-deck-command.ts';
import type { CommandResult } from '../../fixtures/decks/run-deck-command.ts';

const deck = pickDeck();
const source = readDeck(deck);
const name = basename(deck, extname(deck));
let outDir = '';
let result: CommandResult;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'demystify-export-'));
  result = await runDeckCommand('export', ['--source', deck, '--out', outDir]);
});

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe(`demystify export on ${deck}`, () => {
  it('succeeds and names what it wrote', () => {
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toContain(`${name}.pdf`);
    expect(result.stdout).toContain(`${name}.html`);
  });

  it('writes the live deck with the client as one script before </body>, and no inline handler', async () => {
    const html = await readFile(join(outDir, 'deck', 'index.html'), 'utf8');
    expect(html.match(/<script data-demystify-client>/g)).toHaveLength(1);
    expect(html).toMatch(/<script data-demystify-client>[^<]*(?:<(?!\/script>)[^<]*)*<\/script><\/body><\/html>$/);
    const blocks = html.match(/<div class="demystify-demo" [\s\S]*?data-demo-output[^>]*><\/div>\n<\/div>/g) ?? [];
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) expect(block).not.toMatch(/<script|\son[a-z]+=/i);
    expect(html.match(/<svg data-marpit-svg/g)).toHaveLength(countSourceSlides(source));
  });

  it('writes demos.json: the manifest of the deck, as the plugin collects it', async () => {
    const written = JSON.parse(await readFile(join(outDir, 'deck', 'demos.json'), 'utf8')) as DemoManifest;
    let rendered: DemoManifest | undefined;
    createDeckMarp({}, { deck, onManifest: (manifest) => (rendered = manifest) }).render(source);
    expect(written).toEqual(rendered);
    expect(written.deck).toBe(deck);
  });

  it('copies every image of the deck into dist/deck/binaries', async () => {
    const images = join(PROJECT_ROOT, dirname(deck), 'binaries');
    const files = await readdir(images);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(await readFile(join(outDir, 'deck', 'binaries', file)), file).toEqual(await readFile(join(images, file)));
    }
  });

  it('exports a PDF with one page per slide, the French text and the demo commands', async () => {
    const pdf = join(outDir, `${name}.pdf`);
    const { stdout: info } = await execa('pdfinfo', [pdf]);
    expect(info).toMatch(new RegExp(`^Pages:\\s+${countSourceSlides(source)}$`, 'm'));
    const text = (await execa('pdftotext', [pdf, '-'])).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Démystifions le fonctionnement interne de Kubernetes');
    expect(text).toContain('bin/etcd');
    expect(text).toContain('Zone de démo en direct');
    expect(text).not.toContain('Lancer');
  });

  it('exports a standalone HTML file with every image inlined', async () => {
    const html = await readFile(join(outDir, `${name}.html`), 'utf8');
    expect(html).not.toMatch(/(?:src="|url\((?:&quot;|["'])?)binaries\//);
    expect(html).toMatch(/src="data:image\//);
    expect(html.match(/<script data-demystify-client>/g)).toHaveLength(1);
  });
});

describe('demystify build on a broken deck', () => {
  it('fails with one line naming the slide and the problem, no stack trace, and writes no deck', async () => {
    const brokenOut = await mkdtemp(join(tmpdir(), 'demystify-broken-'));
    try {
      const broken = await runDeckCommand('build', ['--source', 'test/fixtures/decks/invalid/deck.md', '--out', brokenOut]);
      expect(broken.exitCode).toBe(1);
      expect(broken.stderr).toContain(
        'demystify build: Slide 3, demo "kube-apiserver": Expected needs= to name demos defined in the deck, got unknown "etdc". Fix the ```demo block in test/fixtures/decks/invalid/deck.md.',
      );
      expect(broken.stderr).not.toMatch(/^\s+at /m);
      expect(existsSync(join(brokenOut, 'deck', 'index.html'))).toBe(false);
    } finally {
      await rm(brokenOut, { recursive: true, force: true });
    }
  });
});
