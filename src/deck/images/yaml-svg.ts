// A manifest from demos/ shown as code, the way an editor would: a file tab, line numbers,
// token colours, monospace. Replaces the talk's screenshots, and is regenerated whenever the
// manifest changes (a unit test fails on a stale file).

import { FONT_MONO, FONT_SANS, MONO_ADVANCE_EM, PALETTE } from './palette.ts';
import { escapeCodeText, escapeXml, formatNumber as n, renderSvgDocument } from './svg-document.ts';
import { tokenizeYamlLine } from './yaml-tokens.ts';
import type { YamlTokenKind } from './yaml-tokens.ts';

export interface YamlSvgOptions {
  /** Shown in the tab, e.g. `deploy.yaml`. */
  fileName: string;
  source: string;
  /** Draw at least this many rows, so images shown side by side share one font size. */
  minRows?: number;
  /** Draw at least this many columns. */
  minColumns?: number;
}

const TOKEN_COLORS: Record<YamlTokenKind, string> = {
  indent: PALETTE.ink,
  space: PALETTE.ink,
  punctuation: '#57606a',
  key: PALETTE.blueDark,
  string: '#0a7d2c',
  number: '#b35900',
  keyword: '#cf222e',
  comment: '#6e7781',
};

const FONT_SIZE = 18;
const LINE_HEIGHT = 27;
const TAB_HEIGHT = 44;
const PADDING = 18;
const GUTTER_COLUMNS = 3;

/** The lines a manifest is drawn with: trailing blank lines dropped, tabs as two spaces. */
export function splitYamlLines(source: string): string[] {
  const lines = source.replace(/\t/g, '  ').replace(/\r\n/g, '\n').split('\n');
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
  return lines;
}

function renderCodeLine(line: string, index: number, x: number, y: number): string {
  const spans = tokenizeYamlLine(line).map((token) => {
    const italic = token.kind === 'comment' ? ' font-style="italic"' : '';
    return `<tspan fill="${TOKEN_COLORS[token.kind]}"${italic}>${escapeCodeText(token.text)}</tspan>`;
  });
  const number = String(index + 1).padStart(GUTTER_COLUMNS - 1, ' ');
  return [
    `<text x="${PADDING}" y="${n(y)}" fill="#8c959f">${escapeCodeText(number)}</text>`,
    `<text class="yaml-line" x="${n(x)}" y="${n(y)}">${spans.join('')}</text>`,
  ].join('\n');
}

export function renderYamlSvg(options: YamlSvgOptions): string {
  const { fileName, source, minRows = 0, minColumns = 0 } = options;
  const lines = splitYamlLines(source);
  const charWidth = FONT_SIZE * MONO_ADVANCE_EM;
  const columns = Math.max(minColumns, fileName.length + 6, ...lines.map((line) => line.length));
  const rows = Math.max(minRows, lines.length);
  const codeX = PADDING + (GUTTER_COLUMNS + 1) * charWidth;
  const width = Math.ceil(codeX + columns * charWidth + PADDING);
  const height = TAB_HEIGHT + PADDING + rows * LINE_HEIGHT + PADDING / 2;
  const tabWidth = Math.ceil(fileName.length * charWidth + 40);
  const body = [
    `<rect x="1" y="1" width="${width - 2}" height="${height - 2}" rx="12" fill="#f6f8fa" stroke="${PALETTE.line}" stroke-width="2"/>`,
    `<path d="M 1 ${TAB_HEIGHT} H ${width - 1}" stroke="${PALETTE.line}" stroke-width="2"/>`,
    `<rect x="10" y="8" width="${tabWidth}" height="${TAB_HEIGHT - 8}" rx="8" fill="${PALETTE.paper}" stroke="${PALETTE.line}" stroke-width="2"/>`,
    `<rect x="12" y="${TAB_HEIGHT - 8}" width="${tabWidth - 4}" height="10" fill="${PALETTE.paper}"/>`,
    `<text x="30" y="34" font-family="${FONT_MONO}" font-size="18" font-weight="bold" fill="${PALETTE.ink}">${escapeXml(fileName)}</text>`,
    `<text x="${width - PADDING}" y="31" font-family="${FONT_SANS}" font-size="15" font-weight="bold" fill="${PALETTE.blue}" text-anchor="end">YAML</text>`,
    `<g font-family="${FONT_MONO}" font-size="${FONT_SIZE}">`,
    ...lines.map((line, i) => renderCodeLine(line, i, codeX, TAB_HEIGHT + PADDING + FONT_SIZE + i * LINE_HEIGHT)),
    '</g>',
  ].join('\n');
  return renderSvgDocument({ width, height, title: `${fileName} (manifeste Kubernetes)`, body });
}
