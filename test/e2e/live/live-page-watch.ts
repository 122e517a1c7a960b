// What a live deck page must never do: a page error, a console error (Chromium's 'verbose'
// messages aside), a request off loopback (aborted before it leaves). Problems are collected with
// the time they happened, so a test that stops the server on purpose can tell its own doing apart.
import type { Page } from '@playwright/test';
import { isAllowedUrl } from '../helpers/page-watch.ts';

export interface PageProblem {
  at: number;
  text: string;
}

export async function watchLivePage(page: Page, label: string): Promise<PageProblem[]> {
  const problems: PageProblem[] = [];
  const note = (text: string): void => void problems.push({ at: Date.now(), text: `${label}: ${text}` });
  page.on('console', (message) => {
    if (message.type() === 'error') note(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => note(`page error: ${error.message}`));
  page.on('request', (request) => {
    if (!isAllowedUrl(request.url(), false)) note(`request off loopback: ${request.url()}`);
  });
  await page.route(
    (url) => !isAllowedUrl(url.href, false),
    (route) => route.abort('blockedbyclient'),
  );
  return problems;
}
