// Where Marp bespoke is: `#<slide>` in the URL (1-based), `?f=<n>` for the fragment step.
import type { Page } from '@playwright/test';

export interface DeckPosition {
  slide: number;
  fragment: number;
}

export function readPosition(page: Page): DeckPosition {
  const url = new URL(page.url());
  return { slide: Number(url.hash.slice(1) || '1'), fragment: Number(url.searchParams.get('f') ?? '0') };
}

/** 1-based index of the slide Marp marks active. */
export function readActiveSlide(page: Page): Promise<number> {
  return page.evaluate(() => [...document.querySelectorAll('.bespoke-marp-slide')].findIndex((slide) => slide.classList.contains('bespoke-marp-active')) + 1);
}
