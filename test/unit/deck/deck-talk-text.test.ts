// The deck is the talk: same front matter, same slides in the same order, same words
// (byte for byte, correct UTF-8); only image files and the added demo slides differ.

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDeck, SHARED_TALK_PATH, splitSlides } from './deck-markdown.ts';

const MARKDOWN_IMAGE = /!\[([^\]]*)\]\([^)]*\)/g;

/** Image file names may change (png → svg); the alt keywords and the text around may not. */
function normalizeImages(line: string): string {
  return line.replace(MARKDOWN_IMAGE, '![$1]()');
}

function isImageOnly(line: string): boolean {
  return normalizeImages(line).replace(/!\[[^\]]*\]\(\)/g, '').trim() === '' && line.includes('![');
}

function readFrontMatter(markdown: string): string {
  const end = markdown.indexOf('\n---\n', 4);
  return markdown.slice(0, end + 5);
}

const talkExists = existsSync(SHARED_TALK_PATH);
const SKIP_NOTE = `shared talk not found at ${SHARED_TALK_PATH}: nothing to compare the deck with`;

describe('the deck keeps the talk', () => {
  it('has the talk’s Marp front matter unchanged', (context) => {
    if (!talkExists) return context.skip(SKIP_NOTE);
    const talk = readFileSync(SHARED_TALK_PATH, 'utf8');
    expect(readFrontMatter(readDeck())).toBe(readFrontMatter(talk));
  });

  it('contains every text line of the talk, in the same order', (context) => {
    if (!talkExists) return context.skip(SKIP_NOTE);
    const talkLines = readFileSync(SHARED_TALK_PATH, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '' && !isImageOnly(line))
      .map(normalizeImages);
    const deckLines = readDeck().split('\n').map(normalizeImages);
    let cursor = 0;
    for (const line of talkLines) {
      const found = deckLines.indexOf(line, cursor);
      expect(found, `Expected the talk's line ${JSON.stringify(line)} after deck line ${cursor}, got none`).toBeGreaterThanOrEqual(0);
      cursor = found + 1;
    }
  });

  it('keeps every slide heading of the talk, in order', (context) => {
    if (!talkExists) return context.skip(SKIP_NOTE);
    const talkHeadings = splitSlides(readFileSync(SHARED_TALK_PATH, 'utf8')).map((slide) => normalizeImages(slide.heading));
    const deckHeadings = splitSlides(readDeck()).map((slide) => normalizeImages(slide.heading));
    const kept = deckHeadings.filter((heading) => talkHeadings.includes(heading));
    expect(kept).toEqual(talkHeadings);
  });

  it('keeps the talk’s style rules and has one style block', (context) => {
    if (!talkExists) return context.skip(SKIP_NOTE);
    const style = (markdown: string) => /<style>([\s\S]*?)<\/style>/.exec(markdown)?.[1] ?? '';
    const deck = readDeck();
    expect(deck.match(/<style>/g)).toHaveLength(1);
    const deckStyle = style(deck);
    const rules = style(readFileSync(SHARED_TALK_PATH, 'utf8')).split(/\n(?=\S)/).map((rule) => rule.trim()).filter(Boolean);
    for (const rule of rules) expect(deckStyle).toContain(rule);
  });
});

describe('the deck text is correct UTF-8', () => {
  it('has no mojibake or replacement characters', () => {
    const deck = readDeck();
    for (const broken of ['Ã', 'â€', 'Â', '\uFFFD']) expect(deck, `found ${JSON.stringify(broken)}`).not.toContain(broken);
  });

  it('keeps the accents and emoji of the talk', () => {
    const deck = readDeck();
    for (const text of ['Démystifions le fonctionnement interne de Kubernetes', 'des boucles de contrôles', '👨‍💻🧙🔥🏃‍♂️', '🚗', '🙃']) {
      expect(deck).toContain(text);
    }
  });
});
