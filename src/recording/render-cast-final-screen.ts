// The last screen of a recording, for the PDF and HTML exports: all output fed through a
// headless xterm.js (the same emulator as the live panel: colours, `\r` overwrites, cursor
// moves, erases), then the last `maxLines` rows rendered as escaped HTML and as plain text.
// We render the cells ourselves: @xterm/addon-serialize 0.13's serializeAsHTML does not escape
// `<` and `&` (fixed upstream only in later releases).

import headless from '@xterm/headless';
import type { Cast } from '../shared/index.ts';
import { findLastVisibleLine, renderTerminalLines } from './render-terminal-lines.ts';

export const DEFAULT_FINAL_SCREEN_LINES = 40;
/** xterm.js drops writes past ~50 MB pending: feed it in slices, each awaited. */
const WRITE_SLICE_CHARS = 1024 * 1024;

export interface FinalScreenOptions {
  cols?: number;
  rows?: number;
  maxLines?: number;
  /** Treat a bare `\n` as `\r\n` (output recorded from a pipe rather than a PTY). */
  convertEol?: boolean;
}

export interface FinalScreen {
  /** `<pre class="demystify-screen">` with one row per line, colours as inline styles. */
  html: string;
  text: string;
  lines: number;
}

export async function renderCastFinalScreen(cast: Cast, { cols, rows, maxLines = DEFAULT_FINAL_SCREEN_LINES, convertEol = false }: FinalScreenOptions = {}): Promise<FinalScreen> {
  const width = cols ?? cast.header.width;
  const height = rows ?? cast.header.height;
  const terminal = new headless.Terminal({ cols: width, rows: height, scrollback: Math.max(0, maxLines), allowProposedApi: true, convertEol });
  try {
    const write = (data: string): Promise<void> => new Promise((resolve) => terminal.write(data, resolve));
    let slice = '';
    for (const event of cast.events) {
      if (event.code !== 'o') continue;
      slice += event.data;
      if (slice.length >= WRITE_SLICE_CHARS) {
        await write(slice);
        slice = '';
      }
    }
    await write(slice);
    const buffer = terminal.buffer.active;
    const end = findLastVisibleLine(buffer, width) + 1;
    const start = Math.max(0, end - Math.max(1, maxLines));
    const lines = renderTerminalLines(buffer, width, start, end);
    return {
      html: `<pre class="demystify-screen" data-demystify-cols="${width}">${lines.html.join('\n')}</pre>`,
      text: lines.text.join('\n'),
      lines: end - start,
    };
  } finally {
    terminal.dispose();
  }
}
