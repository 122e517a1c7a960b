// Rows of a terminal buffer (from @xterm/headless) as escaped HTML with inline colour styles,
// and as plain text. Runs of cells with the same attributes share one <span>; trailing blank
// cells are dropped unless they carry a background.

import type { IBuffer, IBufferCell, IBufferLine } from '@xterm/headless';
import { DEFAULT_BACKGROUND_CSS, DEFAULT_FOREGROUND_CSS, renderPaletteColour, renderRgbColour } from './terminal-palette.ts';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function renderHtmlText(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

function renderColour(isDefault: boolean, isRgb: boolean, colour: number, boldBright: boolean): string | undefined {
  if (isDefault) return undefined;
  if (isRgb) return renderRgbColour(colour);
  return renderPaletteColour(boldBright && colour < 8 ? colour + 8 : colour);
}

/** The inline style of a cell ('' for default attributes). */
function renderCellStyle(cell: IBufferCell): string {
  const bold = cell.isBold() !== 0;
  let fg = renderColour(cell.isFgDefault(), cell.isFgRGB(), cell.getFgColor(), bold);
  let bg = renderColour(cell.isBgDefault(), cell.isBgRGB(), cell.getBgColor(), false);
  if (cell.isInverse()) [fg, bg] = [bg ?? DEFAULT_BACKGROUND_CSS, fg ?? DEFAULT_FOREGROUND_CSS];
  const decorations = [cell.isUnderline() ? 'underline' : '', cell.isStrikethrough() ? 'line-through' : '', cell.isOverline() ? 'overline' : ''].filter(Boolean);
  return [
    fg ? `color:${fg}` : '',
    bg ? `background-color:${bg}` : '',
    bold ? 'font-weight:bold' : '',
    cell.isItalic() ? 'font-style:italic' : '',
    cell.isDim() ? 'opacity:0.5' : '',
    cell.isInvisible() ? 'visibility:hidden' : '',
    decorations.length > 0 ? `text-decoration:${decorations.join(' ')}` : '',
  ]
    .filter(Boolean)
    .join(';');
}

function isBlankCell(cell: IBufferCell): boolean {
  return (cell.getChars() === '' || cell.getChars() === ' ') && cell.isBgDefault() && !cell.isInverse() && !cell.isUnderline();
}

function renderLineHtml(line: IBufferLine, cols: number, cell: IBufferCell): string {
  let last = -1;
  for (let x = 0; x < cols; x += 1) if (line.getCell(x, cell) && !isBlankCell(cell)) last = x;
  let html = '';
  let runStyle = '';
  let runText = '';
  const flush = (): void => {
    if (runText !== '') html += runStyle === '' ? renderHtmlText(runText) : `<span style="${runStyle}">${renderHtmlText(runText)}</span>`;
    runText = '';
  };
  for (let x = 0; x <= last; x += 1) {
    if (!line.getCell(x, cell) || cell.getWidth() === 0) continue;
    const style = renderCellStyle(cell);
    if (style !== runStyle) {
      flush();
      runStyle = style;
    }
    runText += cell.getChars() || ' ';
  }
  flush();
  return html;
}

/** Rows `start` to `end` (exclusive) of the buffer, as HTML rows and text rows. */
export function renderTerminalLines(buffer: IBuffer, cols: number, start: number, end: number): { html: string[]; text: string[] } {
  const cell = buffer.getNullCell();
  const html: string[] = [];
  const text: string[] = [];
  for (let y = start; y < end; y += 1) {
    const line = buffer.getLine(y);
    html.push(line ? renderLineHtml(line, cols, cell) : '');
    text.push(line ? line.translateToString(true).trimEnd() : '');
  }
  return { html, text };
}

/** Index of the last row with something visible, or -1. */
export function findLastVisibleLine(buffer: IBuffer, cols: number): number {
  const cell = buffer.getNullCell();
  for (let y = buffer.length - 1; y >= 0; y -= 1) {
    const line = buffer.getLine(y);
    if (!line) continue;
    for (let x = 0; x < cols; x += 1) if (line.getCell(x, cell) && !isBlankCell(cell)) return y;
  }
  return -1;
}
