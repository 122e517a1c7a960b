// security.md row 10 in the browser: a 50 MB flood of log lines into a slide keeps the deck
// responsive — the speaker can move to the next slide and back while it runs, no main-thread task
// runs long, the connection is never shown as lost — and the panel ends on the flood's last line.
// And a page that stops reading during a flood (frozen) is cut off by the server, shows the
// "connection lost" banner, reconnects by itself from a snapshot and ends on the last line too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createLiveServeEnv } from '../fixtures/decks/live-deck.ts';
import { startServeCommand } from '../fixtures/decks/start-serve-command.ts';
import type { ServeProcess } from '../fixtures/decks/start-serve-command.ts';
import { readActiveSlide } from './helpers/deck-navigation.ts';
import { watchLivePage } from './live/live-page-watch.ts';

const FLOOD_SLIDE = 2;
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

test('a 50 MB flood into a slide leaves the deck responsive and ends on its last line', async ({ page }) => {
  const problems = await watchLivePage(page, 'deck');
  await page.goto(serve?.url ?? '');
  await page.goto(`${serve?.origin ?? ''}/#${FLOOD_SLIDE}`);
  await expect.poll(() => readActiveSlide(page)).toBe(FLOOD_SLIDE);
  const block = page.locator(`section[id="${FLOOD_SLIDE}"] [data-demo-id="flood"]`);
  await expect(page.locator('html')).toHaveAttribute('data-demystify-mode', 'live');
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
  const problems = await watchLivePage(page, 'deck');
  await page.goto(serve?.url ?? '');
  await page.goto(`${serve?.origin ?? ''}/#${FLOOD_SLIDE}`);
  await expect.poll(() => readActiveSlide(page)).toBe(FLOOD_SLIDE);
  await expect(page.locator('html')).toHaveAttribute('data-demystify-mode', 'live');
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
