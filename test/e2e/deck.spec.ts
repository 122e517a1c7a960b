// The built deck in Debian's Chromium: it walks to the end, loads every image, never leaves
// loopback, keeps Marp's keys when a demo button has focus, reads well at 1280×720, and its
// standalone export opens from file:// with no request at all.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { DemoManifest } from '../../src/shared/index.ts';
import { countSourceSlides, pickDeck, readDeck } from '../fixtures/decks/deck-sources.ts';
import { runDeckCommand } from '../fixtures/decks/run-deck-command.ts';
import { readActiveSlide, readPosition } from './helpers/deck-navigation.ts';
import { watchPage } from './helpers/page-watch.ts';
import { startStaticServer } from './helpers/static-server.ts';
import type { StaticServer } from './helpers/static-server.ts';

test.describe.configure({ mode: 'serial' });

const deck = pickDeck();
const expectedSlides = countSourceSlides(readDeck(deck));
let outDir = '';
let server: StaticServer | undefined;
let manifest: DemoManifest;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  outDir = await mkdtemp(join(tmpdir(), 'demystify-e2e-deck-'));
  const result = await runDeckCommand('export', ['--source', deck, '--out', outDir]);
  expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(0);
  manifest = JSON.parse(await readFile(join(outDir, 'deck', 'demos.json'), 'utf8')) as DemoManifest;
  server = await startStaticServer(join(outDir, 'deck'));
});

test.afterAll(async () => {
  await server?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

function deckUrl(slide = 1): string {
  return `${server?.url ?? ''}#${slide}`;
}

async function openSlide(page: Page, slide: number): Promise<void> {
  await page.goto(deckUrl(slide));
  await expect.poll(() => readActiveSlide(page)).toBe(slide);
}

/** Loads every <img> and every CSS background image of the page; returns those that did not load. */
function findBrokenImages(page: Page): Promise<{ broken: string[]; images: number; backgrounds: number }> {
  return page.evaluate(async () => {
    const images = [...document.images];
    await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
    const broken = images.filter((image) => !(image.complete && image.naturalWidth > 0)).map((image) => image.getAttribute('src') ?? '?');
    const backgrounds = new Set<string>();
    for (const element of document.querySelectorAll('*')) {
      for (const match of getComputedStyle(element).backgroundImage.matchAll(/url\("([^"]+)"\)/g)) backgrounds.add(match[1] as string);
    }
    for (const url of backgrounds) {
      const probe = new Image();
      probe.src = url;
      const loaded = await probe.decode().then(
        () => probe.naturalWidth > 0,
        () => false,
      );
      if (!loaded) broken.push(url.slice(0, 120));
    }
    return { broken, images: images.length, backgrounds: backgrounds.size };
  });
}

test('walks every slide with ArrowRight to the last one, with no error and no request off loopback', async ({ page }) => {
  const problems = await watchPage(page);
  await page.goto(deckUrl());
  await expect(page.locator('.bespoke-marp-slide')).toHaveCount(expectedSlides);
  let position = readPosition(page);
  let presses = 0;
  while (position.slide < expectedSlides) {
    presses += 1;
    expect(presses, 'ArrowRight presses before reaching the last slide').toBeLessThan(expectedSlides * 4);
    const before = position;
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => readPosition(page)).not.toEqual(before);
    position = readPosition(page);
    expect([before.slide, before.slide + 1]).toContain(position.slide);
    await expect.poll(() => readActiveSlide(page)).toBe(position.slide);
  }
  expect(position.slide).toBe(expectedSlides);
  expect(problems).toEqual([]);
});

test('loads every image and background image of the deck', async ({ page }) => {
  const problems = await watchPage(page);
  await page.goto(deckUrl());
  await page.waitForLoadState('load');
  const { broken, images, backgrounds } = await findBrokenImages(page);
  expect(broken).toEqual([]);
  expect(images + backgrounds).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});

test('keeps Marp’s navigation keys when a demo button has focus or was clicked', async ({ page }) => {
  const problems = await watchPage(page);
  const [demo] = manifest.demos;
  expect(demo, 'the deck has at least one demo').toBeDefined();
  const slide = demo?.slide ?? 1;
  const runButton = page.locator(`section[id="${slide}"] button[data-demo-action="run"]`).first();
  for (const [key, step] of [
    ['ArrowRight', 1],
    ['ArrowLeft', -1],
    ['Space', 1],
    ['PageDown', 1],
    ['PageUp', -1],
  ] as const) {
    await openSlide(page, slide);
    await runButton.focus();
    await expect(runButton).toBeFocused();
    await page.keyboard.press(key);
    await expect.poll(() => readActiveSlide(page), `${key} with the run button focused`).toBe(slide + step);
  }
  await openSlide(page, slide);
  await runButton.click();
  await expect(runButton).not.toBeFocused();
  // A static copy cannot run a demo: the panel says so and how to get the live deck.
  await expect(page.locator(`section[id="${slide}"] [role="log"]`).first()).toContainText('lancez « npm start »');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => readActiveSlide(page), 'ArrowRight after clicking the run button').toBe(slide + 1);
  expect(problems).toEqual([]);
});

test('fits every demo block in its slide, with its command and an output area', async ({ page }) => {
  await page.goto(deckUrl());
  const blocks = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('section[id] .demystify-demo')].map((block) => {
      const section = block.closest('section') as HTMLElement;
      const bottom = section.getBoundingClientRect().bottom;
      const output = block.querySelector('[role="log"]')?.getBoundingClientRect();
      return {
        where: `slide ${section.id}, demo ${block.dataset['demoId'] ?? '?'}`,
        insideSlide: block.getBoundingClientRect().bottom <= bottom + 0.5,
        outputHeight: Math.round(output?.height ?? 0),
        command: block.querySelector('.demystify-demo__command')?.textContent ?? '',
      };
    }),
  );
  expect(blocks.length).toBeGreaterThanOrEqual(manifest.demos.length);
  for (const block of blocks) {
    expect(block.insideSlide, `${block.where} ends inside its slide`).toBe(true);
    expect(block.outputHeight, `${block.where} has at least two lines of output`).toBeGreaterThanOrEqual(40);
    expect(block.command, `${block.where} shows its prompt and command`).toMatch(/^[$#] \S/);
  }
});

test('shows the title, a diagram and a demo slide legibly at 1280×720', async ({ page }, testInfo) => {
  const problems = await watchPage(page);
  const shoot = async (name: string): Promise<void> => {
    const path = testInfo.outputPath(`${name}.png`);
    await page.screenshot({ path, style: '.bespoke-marp-osc { display: none !important; }' });
    await testInfo.attach(name, { path, contentType: 'image/png' });
  };
  await openSlide(page, 1);
  await expect(page.locator('section[id="1"] h1')).toContainText('Démystifions le fonctionnement interne de Kubernetes');
  await expect(page.locator('section[id="1"] h1')).toBeVisible();
  await shoot('title-slide');

  const diagramSlide = await page.evaluate(() => {
    const isDiagram = (element: Element): boolean => /binaries\/[^"')]*(?:architecture|diagram)/.test(element.getAttribute('src') ?? element.getAttribute('style') ?? '');
    const found = [...document.querySelectorAll('section[id] img, section figure')].find(isDiagram);
    return Number(found?.closest('section')?.getAttribute('data-marpit-pagination') ?? '0');
  });
  expect(diagramSlide, 'a slide shows an architecture diagram').toBeGreaterThan(0);
  await openSlide(page, diagramSlide);
  await shoot('diagram-slide');

  const demo = manifest.demos.find((candidate) => candidate.kind === 'daemon') ?? manifest.demos[0];
  const slide = demo?.slide ?? 1;
  await openSlide(page, slide);
  const block = page.locator(`section[id="${slide}"] .demystify-demo[data-demo-id="${demo?.id ?? ''}"]`);
  await expect(block.locator('.demystify-demo__command')).toBeVisible();
  await expect(block.locator('.demystify-demo__command')).toContainText(demo?.command.split('\n')[0] ?? '');
  await expect(block.getByRole('button', { name: '▶ Lancer' })).toBeVisible();
  await expect(block.locator('[data-demo-status]')).toHaveText('à lancer');
  const output = block.getByRole('log');
  await expect(output).toBeVisible();
  expect((await output.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(100);
  const fontSize = await block.locator('.demystify-demo__command').evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  expect(fontSize, 'command font size in px at 1280×720').toBeGreaterThanOrEqual(16);
  await shoot('demo-slide');
  expect(problems).toEqual([]);
});

test('opens the standalone export from file:// with every image and no request at all', async ({ page }) => {
  const problems = await watchPage(page, { allowFile: true });
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  const standalone = join(outDir, `${basename(deck, extname(deck))}.html`);
  const url = pathToFileURL(standalone).href;
  await page.goto(url);
  await page.waitForLoadState('load');
  await expect(page.locator('.bespoke-marp-slide')).toHaveCount(expectedSlides);
  const { broken } = await findBrokenImages(page);
  expect(broken).toEqual([]);
  expect(requests.filter((request) => !request.startsWith('data:') && request.split('#')[0] !== url)).toEqual([]);
  expect(problems).toEqual([]);
});
