// Terminal lines as escaped HTML: used by the browser panel and by the static exports.
import { renderStyleCss } from './style.ts';
import type { StyleTable } from './style.ts';
import type { TerminalLine } from './terminal-screen.ts';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

export function renderLineHtml(line: TerminalLine, styles: StyleTable): string {
  let html = '';
  for (const run of line.runs) {
    const css = run.style === 0 ? '' : renderStyleCss(styles.get(run.style));
    html += css ? `<span style="${css}">${escapeHtml(run.text)}</span>` : escapeHtml(run.text);
  }
  return html;
}

/** The last `maxLines` non-trailing-empty lines, one `<div>` each. */
export function renderLinesHtml(lines: readonly TerminalLine[], styles: StyleTable, maxLines = Infinity): string {
  let end = lines.length;
  while (end > 0 && (lines[end - 1] as TerminalLine).length === 0) end -= 1;
  const start = Math.max(0, end - maxLines);
  let html = '';
  for (let i = start; i < end; i++) html += `<div class="demystify-term__line">${renderLineHtml(lines[i] as TerminalLine, styles)}</div>`;
  return html;
}
