// Everything a deck page must never do, collected: console errors, page errors, failed requests,
// HTTP errors, and any request that leaves loopback (aborted before it goes out).
import type { Page } from '@playwright/test';

const LOOPBACK_HOSTS = /^(?:127(?:\.\d{1,3}){3}|\[::1\]|localhost)$/;

export function isAllowedUrl(url: string, allowFile: boolean): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
  if (protocol === 'file:') return allowFile;
  return (protocol === 'http:' || protocol === 'https:' || protocol === 'ws:') && LOOPBACK_HOSTS.test(hostname);
}

/** Starts watching `page`; the returned array fills with one line per problem. */
export async function watchPage(page: Page, { allowFile = false }: { allowFile?: boolean } = {}): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? '?'})`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('request', (request) => {
    if (!isAllowedUrl(request.url(), allowFile)) problems.push(`request off loopback: ${request.url()}`);
  });
  await page.route(
    (url) => !isAllowedUrl(url.href, allowFile),
    (route) => route.abort('blockedbyclient'),
  );
  return problems;
}
