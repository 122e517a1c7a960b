// Personal photos and memes are not ours to redistribute: the deck ships tidy placeholders
// that say what goes there and how to replace it. A placeholder carries a marker comment;
// `make-images` never overwrites a file without it (the speaker's own picture).

import { FONT_MONO, FONT_SANS, PALETTE } from './palette.ts';
import { escapeXml, formatNumber as n, renderSvgDocument } from './svg-document.ts';

export const PLACEHOLDER_MARKER = 'demystify:placeholder';

export type PlaceholderGlyph = 'person' | 'picture';

export interface PlaceholderOptions {
  /** File name in slides/binaries/, shown so the speaker knows what to overwrite. */
  file: string;
  /** What goes here, e.g. « Photo de l'orateur ». */
  title: string;
  width: number;
  height: number;
  glyph: PlaceholderGlyph;
}

function renderGlyph(glyph: PlaceholderGlyph, cx: number, cy: number, size: number): string {
  const color = PALETTE.ghost;
  if (glyph === 'person') {
    return [
      `<circle cx="${n(cx)}" cy="${n(cy - size * 0.18)}" r="${n(size * 0.2)}" fill="${color}"/>`,
      `<path d="M ${n(cx - size * 0.36)} ${n(cy + size * 0.42)} Q ${n(cx - size * 0.36)} ${n(cy + size * 0.06)} ${n(cx)} ${n(cy + size * 0.06)} Q ${n(cx + size * 0.36)} ${n(cy + size * 0.06)} ${n(cx + size * 0.36)} ${n(cy + size * 0.42)} Z" fill="${color}"/>`,
    ].join('\n');
  }
  const x = cx - size / 2;
  const y = cy - size * 0.38;
  return [
    `<rect x="${n(x)}" y="${n(y)}" width="${n(size)}" height="${n(size * 0.76)}" rx="${n(size * 0.06)}" fill="none" stroke="${color}" stroke-width="${n(size * 0.05)}"/>`,
    `<circle cx="${n(x + size * 0.3)}" cy="${n(y + size * 0.24)}" r="${n(size * 0.08)}" fill="${color}"/>`,
    `<path d="M ${n(x + size * 0.08)} ${n(y + size * 0.68)} L ${n(x + size * 0.38)} ${n(y + size * 0.36)} L ${n(x + size * 0.58)} ${n(y + size * 0.56)} L ${n(x + size * 0.72)} ${n(y + size * 0.44)} L ${n(x + size * 0.92)} ${n(y + size * 0.68)} Z" fill="${color}"/>`,
  ].join('\n');
}

export function renderPlaceholder(options: PlaceholderOptions): string {
  const { file, title, width, height, glyph } = options;
  const unit = Math.min(width, height);
  const glyphSize = unit * 0.42;
  const textSize = Math.max(14, Math.round(unit * 0.055));
  const path = `slides/binaries/${file}`;
  // The path must fit on one line: shrink it for long names on narrow placeholders.
  const hintSize = Math.min(Math.round(textSize * 0.72), Math.floor((width * 0.9) / (path.length * 0.62)));
  const textY = height / 2 + glyphSize * 0.5 + textSize * 1.6;
  const body = [
    `<rect x="4" y="4" width="${n(width - 8)}" height="${n(height - 8)}" rx="${n(unit * 0.05)}" fill="${PALETTE.panel}" stroke="${PALETTE.ghost}" stroke-width="4" stroke-dasharray="14 10"/>`,
    renderGlyph(glyph, width / 2, height / 2 - textSize * 1.2, glyphSize),
    `<text x="${n(width / 2)}" y="${n(textY)}" font-family="${FONT_SANS}" font-size="${textSize}" font-weight="bold" fill="${PALETTE.muted}" text-anchor="middle">${escapeXml(title)}</text>`,
    `<text x="${n(width / 2)}" y="${n(textY + hintSize * 1.8)}" font-family="${FONT_SANS}" font-size="${hintSize}" fill="${PALETTE.muted}" text-anchor="middle">Remplacez ce fichier (même nom) :</text>`,
    `<text x="${n(width / 2)}" y="${n(textY + hintSize * 3.3)}" font-family="${FONT_MONO}" font-size="${hintSize}" fill="${PALETTE.blueDark}" text-anchor="middle">${escapeXml(path)}</text>`,
  ].join('\n');
  return renderSvgDocument({
    width,
    height,
    title: `${title} (à remplacer : slides/binaries/${file})`,
    comment: `${PLACEHOLDER_MARKER} — ${title}. Replace this file with your own picture under the same name (or drop a .png/.jpg and change the extension in slides/demystifions-kubernetes.md). make-images leaves a file without this marker alone.`,
    body,
  });
}
