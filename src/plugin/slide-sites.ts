// Where each fence sits: its 1-based slide number and the slide's heading text.
// Through Marp, Marpit has already split the deck into slides (`marpit_slide_open` tokens, which
// follow its `---` and headingDivider settings); on a bare markdown-it, slides are counted as
// top-level `hr` tokens + 1.
import type { Token } from 'markdown-it';

export interface FenceSite {
  index: number;
  token: Token;
  slide: number;
  heading: string | undefined;
}

const MARPIT_SLIDE_OPEN = 'marpit_slide_open';

export function findFenceSites(tokens: readonly Token[]): FenceSite[] {
  const marpit = tokens.some((token) => token.type === MARPIT_SLIDE_OPEN);
  const slideOf: number[] = [];
  const headings = new Map<number, string>();
  let slide = marpit ? 0 : 1;
  tokens.forEach((token, index) => {
    if (marpit ? token.type === MARPIT_SLIDE_OPEN : token.type === 'hr' && token.level === 0) slide += 1;
    slideOf[index] = Math.max(slide, 1);
    const inline = tokens[index + 1];
    if (token.type === 'heading_open' && inline?.type === 'inline' && !headings.has(slide)) {
      const text = renderPlainText(inline);
      if (text !== '') headings.set(slide, text);
    }
  });
  const sites: FenceSite[] = [];
  tokens.forEach((token, index) => {
    if (token.type !== 'fence') return;
    const tokenSlide = slideOf[index] ?? 1;
    sites.push({ index, token, slide: tokenSlide, heading: headings.get(tokenSlide) });
  });
  return sites;
}

/** The visible text of an inline token: `Ajoutons un **scheduler**` → `Ajoutons un scheduler`. */
export function renderPlainText(inline: Token): string {
  const parts = (inline.children ?? []).map((child) => {
    if (child.type === 'text' || child.type === 'code_inline') return child.content;
    if (child.type === 'softbreak' || child.type === 'hardbreak') return ' ';
    return '';
  });
  return parts.join('').replace(/\s+/g, ' ').trim();
}
