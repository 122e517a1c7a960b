// Marp CLI, run by hand on the real deck through marp.config.ts (the way a speaker previews it):
// every slide, the French text intact, every demo block, and nothing fetched from a CDN.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoManifest } from '../../../src/shared/index.ts';
import { createDeckMarp } from '../../../src/deck/index.ts';
import { PROJECT_ROOT, countSourceSlides, listSourceDemoIds, pickDeck, readDeck } from '../../fixtures/decks/deck-sources.ts';

const deck = pickDeck();
const source = readDeck(deck);
let outDir = '';
let html = '';

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'demystify-marp-config-'));
  const output = join(outDir, 'deck.html');
  await execa(process.execPath, ['node_modules/@marp-team/marp-cli/marp-cli.js', '--config-file', 'marp.config.ts', deck, '-o', output], {
    cwd: PROJECT_ROOT,
    env: { NODE_OPTIONS: '--import tsx', FORCE_COLOR: '0' },
    stdin: 'ignore',
    timeout: 60_000,
  });
  html = await readFile(output, 'utf8');
});

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

function renderManifest(): DemoManifest {
  let manifest: DemoManifest | undefined;
  createDeckMarp({}, { deck, onManifest: (collected) => (manifest = collected) }).render(source);
  if (!manifest) throw new Error('the plugin reported no manifest');
  return manifest;
}

describe(`Marp CLI with marp.config.ts on ${deck}`, () => {
  it('renders one slide per slide of the source', () => {
    expect(html.match(/<svg data-marpit-svg/g)).toHaveLength(countSourceSlides(source));
  });

  it('keeps the French text exact, with no mojibake', () => {
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Démystifions le fonctionnement interne de Kubernetes');
    expect(html).toContain('boucles de contrôles');
    expect(html).not.toMatch(/Ã[\u0080-\u00bf]|â€|\uFFFD/);
  });

  it('renders every demo block of the source with its data-demo-id', () => {
    const ids = [...html.matchAll(/<div class="demystify-demo" data-demo-id="([^"]+)"/g)].map((match) => match[1]);
    expect(ids).toEqual(listSourceDemoIds(source));
    for (const demo of renderManifest().demos) expect(html).toContain(`data-demo-id="${demo.id}"`);
  });

  it('loads nothing from the network: native emoji, no remote font import', () => {
    expect(html).not.toMatch(/cdn\.jsdelivr\.net|twemoji|fonts\.bunny\.net|fonts\.googleapis\.com/);
    const loaded = [...html.matchAll(/\s(?:src|srcset)="([^"]+)"|url\((?:&quot;|["'])?([^)"'&]+)/g)].map((match) => match[1] ?? match[2] ?? '');
    expect(loaded.filter((url) => /^(?:https?:)?\/\//.test(url))).toEqual([]);
  });
});

describe(`the manifest of ${deck}`, () => {
  const manifest = renderManifest();
  const slides = countSourceSlides(source);

  it('lists unique ids, with a title, a command and a slide within the deck, in talk order', () => {
    const ids = manifest.demos.map((demo) => demo.id);
    expect(new Set(ids).size).toBe(ids.length);
    let previousSlide = 0;
    for (const demo of manifest.demos) {
      expect(demo.title.trim(), demo.id).not.toBe('');
      expect(demo.command.trim(), demo.id).not.toBe('');
      expect(demo.slide, demo.id).toBeGreaterThanOrEqual(previousSlide);
      expect(demo.slide, demo.id).toBeLessThanOrEqual(slides);
      previousSlide = demo.slide;
    }
  });

  it('gives every daemon a readiness probe', () => {
    const daemons = manifest.demos.filter((demo) => demo.kind === 'daemon');
    expect(daemons.length).toBeGreaterThan(0);
    for (const daemon of daemons) expect(daemon.ready, daemon.id).toBeDefined();
  });

  it('makes every demo need only demos defined before it', () => {
    const seen = new Set<string>();
    for (const demo of manifest.demos) {
      for (const need of demo.needs) expect(seen.has(need), `${demo.id} needs ${need}`).toBe(true);
      seen.add(demo.id);
    }
  });
});
