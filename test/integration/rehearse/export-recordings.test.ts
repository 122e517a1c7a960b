// The exports with the recordings the rehearsal shipped (demos/recordings): the PDF keeps one page
// per slide and shows, on each recorded demo's page, the end of its recorded output; the
// standalone HTML carries the same screens and the recordings themselves.
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRecordedDemos } from '../../../src/deck/index.ts';
import type { RecordedDemos } from '../../../src/deck/index.ts';
import type { DemoManifest } from '../../../src/shared/index.ts';
import { PROJECT_ROOT, REAL_DECK, countSourceSlides, readDeck } from '../../fixtures/decks/deck-sources.ts';
import { exportWithRecordings } from '../../e2e/helpers/export-with-recordings.ts';
import type { RecordedExport } from '../../e2e/helpers/export-with-recordings.ts';

const RECORDINGS = join(PROJECT_ROOT, 'demos', 'recordings');
let dir = '';
let exported: RecordedExport;
let manifest: DemoManifest;
let recorded: RecordedDemos;

const squeeze = (text: string): string => text.replace(/\s+/g, '');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demystify-export-recordings-'));
  exported = await exportWithRecordings(join(dir, 'out'), RECORDINGS);
  manifest = JSON.parse(await readFile(join(dir, 'out', 'deck', 'demos.json'), 'utf8')) as DemoManifest;
  recorded = await loadRecordedDemos(manifest, RECORDINGS);
}, 180_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('export with the shipped recordings', () => {
  it('uses every shipped recording, with no warning', async () => {
    const shipped = (await readdir(RECORDINGS)).filter((name) => name.endsWith('.cast')).map((name) => name.replace(/\.cast$/, ''));
    expect(shipped.length, 'demos/recordings holds the rehearsal’s recordings (npx demystify rehearse)').toBeGreaterThan(0);
    expect(exported.recorded.sort()).toEqual(shipped.sort());
    expect(exported.warnings).toEqual([]);
  });

  it('keeps one page per slide, and shows the end of each recorded output on its demo’s page', async () => {
    const { stdout: info } = await execa('pdfinfo', [exported.pdf]);
    expect(info).toMatch(new RegExp(`^Pages:\\s+${countSourceSlides(readDeck(REAL_DECK))}$`, 'm'));
    for (const [id, demo] of recorded.demos) {
      const slide = manifest.demos.find((candidate) => candidate.id === id)?.slide ?? 0;
      const page = squeeze((await execa('pdftotext', ['-f', String(slide), '-l', String(slide), exported.pdf, '-'])).stdout);
      const lastLines = demo.screenText.split('\n').filter((line) => line.trim() !== '').slice(-3);
      expect(lastLines.length, `${id} recorded some output`).toBeGreaterThan(0);
      for (const line of lastLines) expect(page, `page ${slide} (${id}) shows "${line}"`).toContain(squeeze(line));
      expect(page).toContain(squeeze('Sortie enregistrée le'));
    }
  });

  it('renders a recorded demo slide as an image (pdftoppm), for a look', async () => {
    const slide = manifest.demos.find((demo) => demo.id === 'etcd-put')?.slide ?? 0;
    const prefix = join(dir, 'etcd-put-page');
    await execa('pdftoppm', ['-png', '-r', '80', '-f', String(slide), '-l', String(slide), exported.pdf, prefix]);
    const [image] = (await readdir(dir)).filter((name) => name.startsWith('etcd-put-page') && name.endsWith('.png'));
    expect(image).toBeDefined();
    expect((await stat(join(dir, image ?? ''))).size).toBeGreaterThan(10_000);
  });

  it('puts the same screens and the recordings themselves in the standalone HTML', async () => {
    const html = await readFile(exported.standalone, 'utf8');
    expect(html.match(/<script type="application\/json" data-demystify-recordings>/g)).toHaveLength(1);
    for (const [id, demo] of recorded.demos) {
      expect(html, id).toContain(`data-demo-id="${id}"`);
      expect(html).toContain(demo.screenHtml);
    }
    expect(html).toContain('Zone de démo en direct');
  });
});
