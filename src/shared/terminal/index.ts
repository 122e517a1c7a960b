export { createTerminalScreen, DEFAULT_MAX_LINES, DEFAULT_MAX_LINE_LENGTH } from './terminal-screen.ts';
export type { TerminalScreen, TerminalScreenOptions, TerminalLine, TextRun } from './terminal-screen.ts';
export { applySgr, createStyleTable, renderStyleCss, resolvePaletteColour, MAX_INTERNED_STYLES } from './style.ts';
export type { TextStyle, StyleTable } from './style.ts';
export { escapeHtml, renderLineHtml, renderLinesHtml } from './render-html.ts';
