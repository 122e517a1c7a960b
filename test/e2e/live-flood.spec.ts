// security.md row 10 in the browser: a 50 MB flood of log lines into a slide keeps the deck
// responsive — the speaker can move to the next slide and back while it runs, no main-thread task
// runs long, the connection is never shown as lost — and the panel ends on the flood's last line.
// And a page that stops reading during a flood (frozen) is cut off by the server, shows the
// "connection lost" banner, reconnects by itself from a snapshot and ends on the last line too.
// And a steady output: the panel follows it, pauses while the speaker scrolls up with the wheel
// (the view stays put as lines keep coming, the slides do not move), follows again on « suivre ».
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { createLiveServeEnv } from '../fixtures/decks/live-deck.ts';
import { startServeCommand } from '../fixtures/decks/start-serve-command.ts';
import type { ServeProcess } from '../fixtures/decks/start-serve-command.ts';
import { readActiveSlide } from './helpers/deck-navigation.ts';
import { watchLivePage } from './live/live-page-watch.ts';
import type { PageProblem } from './live/live-page-watch.ts';

const FLOOD_SLIDE = 2;
const TICKS_SLIDE = 4;
/** Generous for a shared 2-core machine; the bench reports the real figure (aim: 50 ms). */
const LONGEST_TASK_LIMIT_MS = 250;

let root = '';
let serve: ServeProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  root = mkdtempSync(join(tmpdir(), 'demystify-e2e-flood-'));
  serve = await startServeCommand(['--no-watch', '--source', 'test/fixtures/decks/flood/deck.md', '--out', join(root, 'dist'), '--workspace', join(root, 'ws'), '--recordings', join(root, 'rec')], {
    env: createLiveServeEnv(join(root, 'cache')),
  });
});

test.afterAll(async () => {
  await serve?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Signs in with the printed URL, opens `slide` live, and watches the page for problems. */
async function openLiveSlide(page: Page, slide: number): Promise<PageProblem[]> {
  const problems = await watchLivePage(page, 'deck');
  await page.goto(serve?.url ?? '');
  await page.goto(`${serve?.origin ?? ''}/#${slide}`);
  await expect.poll(() => readActiveSlide(page)).toBe(slide);
  await expect(page.locator('html')).toHaveAttribute('data-demystify-mode', 'live');
  return problems;
}

test('a 50 MB flood into a slide leaves the deck responsive and ends on its last line', async ({ page }) => {
  const problems = await openLiveSlide(page, FLOOD_SLIDE);
  const block = page.locator(`section[id="${FLOOD_SLIDE}"] [data-demo-id="flood"]`);
  await page.evaluate(() => {
    const seen = { longestTaskMs: 0, bannerShown: false };
    (window as unknown as { __flood: typeof seen }).__flood = seen;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) seen.longestTaskMs = Math.max(seen.longestTaskMs, entry.duration);
    }).observe({ type: 'longtask' });
    const watchBanner = (): void => {
      if (document.querySelector<HTMLElement>('.demystify-connection')?.hidden === false) seen.bannerShown = true;
      requestAnimationFrame(watchBanner);
    };
    requestAnimationFrame(watchBanner);
  });

  await block.locator('button[data-demo-action="run"]').click();
  await expect(block).toHaveAttribute('data-demo-state', 'running');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => readActiveSlide(page), { timeout: 2_000, message: 'the next slide during the flood' }).toBe(FLOOD_SLIDE + 1);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => readActiveSlide(page), { timeout: 2_000, message: 'back to the flood' }).toBe(FLOOD_SLIDE);

  await expect(block).toHaveAttribute('data-demo-state', 'exited', { timeout: 60_000 });
  await expect(block.locator('.demystify-term__line').last()).toHaveText('FLOOD-END', { timeout: 10_000 });
  await expect(block.locator('.demystify-term__hidden')).toContainText('masquées');
  const seen = await page.evaluate(() => (window as unknown as { __flood: { longestTaskMs: number; bannerShown: boolean } }).__flood);
  expect(seen.bannerShown, 'the connection-lost banner during the flood').toBe(false);
  expect(seen.longestTaskMs).toBeLessThan(LONGEST_TASK_LIMIT_MS);
  expect(problems.map((problem) => problem.text)).toEqual([]);
});

test('a page frozen during a flood is cut off, says so, comes back by itself and ends on the last line', async ({ page }) => {
  const problems = await openLiveSlide(page, FLOOD_SLIDE);
  const block = page.locator(`section[id="${FLOOD_SLIDE}"] [data-demo-id="flood"]`);
  const banner = page.locator('.demystify-connection');
  await page.evaluate(() => {
    const seen = { bannerShown: false };
    (window as unknown as { __heal: typeof seen }).__heal = seen;
    new MutationObserver(() => {
      if (document.querySelector<HTMLElement>('.demystify-connection')?.hidden === false) seen.bannerShown = true;
    }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['hidden'] });
  });

  await block.locator('button[data-demo-action="run"]').click();
  await expect(block).toHaveAttribute('data-demo-state', 'running');
  // The page reads nothing for longer than the server waits for a page that lags (5 s).
  await page.evaluate(() => {
    const until = Date.now() + 7_000;
    while (Date.now() < until) {
      // Frozen: no task, no frame, no read.
    }
  });

  await expect(block).toHaveAttribute('data-demo-state', 'exited', { timeout: 60_000 });
  await expect(block.locator('.demystify-term__line').last()).toHaveText('FLOOD-END', { timeout: 10_000 });
  await expect(banner).toBeHidden({ timeout: 10_000 });
  const seen = await page.evaluate(() => (window as unknown as { __heal: { bannerShown: boolean } }).__heal);
  expect(seen.bannerShown, 'the connection-lost banner while the page was cut off').toBe(true);
  // The stream it lost: Chromium may log the cut; nothing else.
  expect(problems.map((problem) => problem.text).filter((text) => !/ERR_INCOMPLETE_CHUNKED_ENCODING|ERR_CONNECTION_RESET|ERR_EMPTY_RESPONSE/.test(text))).toEqual([]);
});

test('the panel follows the output, pauses while the speaker scrolls up, and follows again on « suivre »', async ({ page }) => {
  const problems = await openLiveSlide(page, TICKS_SLIDE);
  const block = page.locator(`section[id="${TICKS_SLIDE}"] [data-demo-id="ticks"]`);
  const panel = block.locator('.demystify-term');
  const follow = block.locator('.demystify-term__follow');
  // What the speaker sees: the line at the panel's top edge, the distance to the end, the lines drawn.
  const scroll = (): Promise<{ topLine: string; bottom: number; lines: number }> =>
    panel.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const top = document.elementFromPoint(box.left + 20, box.top + 4)?.closest('.demystify-term__line')?.textContent ?? '';
      return { topLine: top, bottom: element.scrollHeight - element.clientHeight - element.scrollTop, lines: element.querySelectorAll('.demystify-term__line').length };
    });

  await block.locator('button[data-demo-action="run"]').click();
  await expect.poll(async () => (await scroll()).lines, { timeout: 10_000 }).toBeGreaterThan(60);
  await expect.poll(async () => (await scroll()).bottom, { message: 'following: at the bottom' }).toBeLessThanOrEqual(8);
  await expect(follow).toBeHidden();

  const box = await panel.boundingBox();
  await page.mouse.move((box?.x ?? 0) + (box?.width ?? 0) / 2, (box?.y ?? 0) + (box?.height ?? 0) / 2);
  await page.mouse.wheel(0, -400);
  await expect(follow).toBeVisible();
  const paused = await scroll();
  await expect.poll(async () => (await scroll()).lines, { message: 'output kept coming' }).toBeGreaterThan(paused.lines + 20);
  const later = await scroll();
  await page.screenshot({ path: test.info().outputPath('paused.png') });
  expect(paused.topLine).toMatch(/^tick \d+$/);
  expect(later.topLine, 'the view stays where the speaker put it').toBe(paused.topLine);
  expect(later.bottom, 'no longer at the bottom').toBeGreaterThan(8);
  expect(await readActiveSlide(page), 'the wheel scrolled the output, not the slides').toBe(TICKS_SLIDE);

  await follow.click();
  await expect(follow).toBeHidden();
  await expect(block).toHaveAttribute('data-demo-state', 'exited', { timeout: 20_000 });
  await expect(block.locator('.demystify-term__line').last()).toHaveText('tick 300');
  await expect.poll(async () => (await scroll()).bottom, { message: 'back at the bottom, following' }).toBeLessThanOrEqual(8);
  expect(problems.map((problem) => problem.text)).toEqual([]);
});
