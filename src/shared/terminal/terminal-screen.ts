// A small terminal model for demo output: the part of a VT100 that logs, progress bars and kubectl
// tables use (text, CR/LF/BS/TAB, SGR colours, erase in line/display, cursor moves), kept as lines
// of styled runs with a bounded scrollback. Pure: the browser panel, replays and the exports all draw
// from it, so live and recorded output look the same. Lines do not wrap here; the view wraps them.
import { applySgr, createStyleTable } from './style.ts';
import type { StyleTable, TextStyle } from './style.ts';

export interface TextRun {
  text: string;
  style: number;
}

export interface TerminalLine {
  runs: TextRun[];
  length: number;
}

export interface TerminalScreenOptions {
  /** Lines kept; older ones are dropped and counted. */
  maxLines?: number;
  /** Screen height used by absolute cursor moves and erase-display. */
  rows?: number;
  /** A longer line is broken, so one giant line cannot grow without bound. */
  maxLineLength?: number;
}

export interface TerminalScreen {
  write(data: string): void;
  readonly styles: StyleTable;
  /** Lines currently kept (index 0 is absolute line `droppedLines`). */
  readonly lines: readonly TerminalLine[];
  readonly droppedLines: number;
  /** Smallest absolute line index changed since the last `takeDirty()`, or Infinity. */
  takeDirty(): number;
  toText(): string;
  reset(): void;
}

export const DEFAULT_MAX_LINES = 5000;
const SGR_CACHE_SIZE = 256;
const CSI_MAX_LENGTH = 64;

/** Index of the final byte of a CSI sequence whose parameters start at `from`, or -1 (not in this chunk, or runaway). */
function findCsiEnd(data: string, from: number): number {
  const limit = Math.min(data.length, from + CSI_MAX_LENGTH);
  for (let j = from; j < limit; j++) {
    const code = data.charCodeAt(j);
    if (code >= 0x40 && code <= 0x7e) return j;
  }
  return -1;
}
export const DEFAULT_MAX_LINE_LENGTH = 4000;
const CONTROL = /[\x00-\x1f\x7f]/g;

type ParserState = 'text' | 'esc' | 'csi' | 'osc' | 'osc-esc' | 'string' | 'string-esc';

function emptyLine(): TerminalLine {
  return { runs: [], length: 0 };
}

function sliceRuns(line: TerminalLine, from: number, to: number): TextRun[] {
  const out: TextRun[] = [];
  let pos = 0;
  for (const run of line.runs) {
    const end = pos + run.text.length;
    if (end > from && pos < to) {
      out.push({ text: run.text.slice(Math.max(0, from - pos), Math.min(run.text.length, to - pos)), style: run.style });
    }
    pos = end;
    if (pos >= to) break;
  }
  return out;
}

function pushRun(runs: TextRun[], text: string, style: number): void {
  if (text.length === 0) return;
  const last = runs[runs.length - 1];
  if (last && last.style === style) last.text += text;
  else runs.push({ text, style });
}

export function createTerminalScreen(options: TerminalScreenOptions = {}): TerminalScreen {
  const maxLines = options.maxLines ?? DEFAULT_MAX_LINES;
  const rows = options.rows ?? 30;
  const maxLineLength = options.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH;
  const styles = createStyleTable();

  let lines: TerminalLine[] = [emptyLine()];
  let dropped = 0;
  let row = 0;
  let col = 0;
  let saved = { row: 0, col: 0 };
  let style: TextStyle = {};
  let styleId = 0;
  let dirtyFrom = 0;
  let state: ParserState = 'text';
  let sequence = '';

  const markDirty = (r: number): void => {
    if (dropped + r < dirtyFrom) dirtyFrom = dropped + r;
  };
  const lineAt = (r: number): TerminalLine => {
    while (lines.length <= r) lines.push(emptyLine());
    return lines[r] as TerminalLine;
  };
  const trimScrollback = (): void => {
    if (lines.length <= maxLines + (maxLines >> 2)) return;
    const excess = lines.length - maxLines;
    lines = lines.slice(excess);
    dropped += excess;
    row = Math.max(0, row - excess);
    saved = { row: Math.max(0, saved.row - excess), col: saved.col };
  };
  const newLine = (): void => {
    row += 1;
    col = 0;
    lineAt(row);
    markDirty(row);
    trimScrollback();
  };
  const screenTop = (): number => Math.max(0, lines.length - rows);

  const writeText = (text: string): void => {
    while (text.length > 0) {
      const room = maxLineLength - col;
      if (room <= 0) {
        newLine();
        continue;
      }
      const piece = text.length > room ? text.slice(0, room) : text;
      text = text.slice(piece.length);
      const line = lineAt(row);
      markDirty(row);
      if (col === line.length) {
        pushRun(line.runs, piece, styleId);
      } else if (col > line.length) {
        pushRun(line.runs, ' '.repeat(col - line.length), 0);
        pushRun(line.runs, piece, styleId);
      } else {
        const after = sliceRuns(line, col + piece.length, line.length);
        const runs = sliceRuns(line, 0, col);
        pushRun(runs, piece, styleId);
        for (const run of after) pushRun(runs, run.text, run.style);
        line.runs = runs;
      }
      col += piece.length;
      line.length = Math.max(line.length, col);
    }
  };

  const eraseInLine = (mode: number): void => {
    const line = lineAt(row);
    markDirty(row);
    if (mode === 2) {
      line.runs = [];
      line.length = 0;
    } else if (mode === 1) {
      const rest = sliceRuns(line, col, line.length);
      line.runs = [{ text: ' '.repeat(Math.min(col, line.length)), style: 0 }, ...rest];
    } else {
      line.runs = sliceRuns(line, 0, col);
      line.length = Math.min(line.length, col);
    }
  };

  const eraseInDisplay = (mode: number): void => {
    if (mode === 0) {
      eraseInLine(0);
      lines.length = row + 1;
    } else if (mode === 2 || mode === 3) {
      const top = screenTop();
      markDirty(top);
      lines.length = top;
      lines.push(emptyLine());
      row = top;
    }
  };

  // The same few colour codes come back on every line of a log: remember where each leads.
  const sgrCache = new Map<string, { id: number; style: TextStyle }>();
  const applyColours = (raw: string): void => {
    // Past the style table's bound, id 0 may stand for a style that is not the default: no shortcut then.
    const key = styleId === 0 && Object.keys(style).length > 0 ? undefined : `${styleId}|${raw}`;
    const known = key === undefined ? undefined : sgrCache.get(key);
    if (known !== undefined) {
      style = known.style;
      styleId = known.id;
      return;
    }
    style = applySgr(style, raw === '' ? [] : raw.split(/[;:]/).map((p) => (p === '' ? 0 : Number.parseInt(p, 10) || 0)));
    styleId = styles.intern(style);
    if (key === undefined) return;
    if (sgrCache.size >= SGR_CACHE_SIZE) sgrCache.clear();
    sgrCache.set(key, { id: styleId, style });
  };

  const runCsi = (body: string): void => {
    const final = body[body.length - 1];
    const raw = body.slice(0, -1);
    if (final === 'm' && (raw === '' || (raw.charCodeAt(0) >= 0x30 && raw.charCodeAt(0) <= 0x39))) return applyColours(raw);
    if (raw.startsWith('?') || raw.startsWith('>') || raw.startsWith('=')) return; // private modes: ignore
    const params = raw === '' ? [] : raw.split(/[;:]/).map((p) => (p === '' ? 0 : Number.parseInt(p, 10) || 0));
    const n = Math.max(1, params[0] ?? 1);
    switch (final) {
      case 'm':
        style = applySgr(style, params);
        styleId = styles.intern(style);
        break;
      case 'K':
        eraseInLine(params[0] ?? 0);
        break;
      case 'J':
        eraseInDisplay(params[0] ?? 0);
        break;
      case 'A':
        row = Math.max(screenTop(), row - n);
        break;
      case 'B':
      case 'E':
        row += n;
        lineAt(row);
        if (final === 'E') col = 0;
        break;
      case 'F':
        row = Math.max(screenTop(), row - n);
        col = 0;
        break;
      case 'C':
        col += n;
        break;
      case 'D':
        col = Math.max(0, col - n);
        break;
      case 'G':
        col = n - 1;
        break;
      case 'H':
      case 'f':
        row = screenTop() + Math.max(1, params[0] ?? 1) - 1;
        col = Math.max(1, params[1] ?? 1) - 1;
        lineAt(row);
        break;
      case 's':
        saved = { row, col };
        break;
      case 'u':
        ({ row, col } = saved);
        break;
      default:
        break;
    }
  };

  const write = (data: string): void => {
    let i = 0;
    while (i < data.length) {
      if (state === 'text') {
        CONTROL.lastIndex = i;
        const match = CONTROL.exec(data);
        const stop = match ? match.index : data.length;
        if (stop > i) writeText(data.slice(i, stop));
        if (!match) return;
        i = stop + 1;
        const code = data.charCodeAt(stop);
        if (code === 0x1b) {
          // Fast path: a whole CSI sequence inside this chunk (colours, erase, cursor moves).
          if (data.charCodeAt(i) === 0x5b) {
            const end = findCsiEnd(data, i + 1);
            if (end >= 0) {
              runCsi(data.slice(i + 1, end + 1));
              i = end + 1;
              continue;
            }
          }
          state = 'esc';
        } else if (code === 0x0d) {
          col = 0;
        } else if (code === 0x0a || code === 0x0b || code === 0x0c) {
          newLine();
        } else if (code === 0x08) {
          col = Math.max(0, col - 1);
        } else if (code === 0x09) {
          writeText(' '.repeat(8 - (col % 8)));
        }
        continue;
      }
      const ch = data[i] as string;
      i += 1;
      if (state === 'esc') {
        sequence = '';
        if (ch === '[') state = 'csi';
        else if (ch === ']') state = 'osc';
        else if (ch === 'P' || ch === '_' || ch === '^' || ch === 'X') state = 'string';
        else {
          if (ch === '7') saved = { row, col };
          else if (ch === '8') ({ row, col } = saved);
          else if (ch === 'c') reset();
          state = 'text';
        }
      } else if (state === 'csi') {
        sequence += ch;
        const code = ch.charCodeAt(0);
        if (code >= 0x40 && code <= 0x7e) {
          runCsi(sequence);
          state = 'text';
        } else if (sequence.length > 64) {
          state = 'text'; // runaway sequence: drop it
        }
      } else if (state === 'osc' || state === 'string') {
        if (ch === '\x07') state = 'text';
        else if (ch === '\x1b') state = state === 'osc' ? 'osc-esc' : 'string-esc';
      } else {
        state = ch === '\\' ? 'text' : state === 'osc-esc' ? 'osc' : 'string';
      }
    }
  };

  function reset(): void {
    markDirty(0);
    dirtyFrom = Math.min(dirtyFrom, dropped);
    lines = [emptyLine()];
    row = 0;
    col = 0;
    style = {};
    styleId = 0;
  }

  return {
    write,
    styles,
    get lines() {
      return lines;
    },
    get droppedLines() {
      return dropped;
    },
    takeDirty() {
      const from = dirtyFrom;
      dirtyFrom = Number.POSITIVE_INFINITY;
      return from;
    },
    toText() {
      return lines.map((line) => line.runs.map((run) => run.text).join('').trimEnd()).join('\n').trimEnd();
    },
    reset,
  };
}
