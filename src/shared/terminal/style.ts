// SGR attributes of a terminal cell run, interned to small integers so a line is cheap to store.

export interface TextStyle {
  /** CSS colour or undefined for the default. */
  fg?: string;
  bg?: string;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
}

/** A palette legible on a dark panel under a washed-out projector (brighter than xterm's). */
const ANSI_COLOURS = [
  '#4d4d4d', '#ff6b6b', '#7ee787', '#f2cc60', '#79b8ff', '#d2a8ff', '#56d4dd', '#d0d0d0',
  '#8b8b8b', '#ff9492', '#a5f3a5', '#ffe08a', '#a8d1ff', '#e2c5ff', '#8fe8ef', '#ffffff',
];

export function resolvePaletteColour(index: number): string {
  if (index < 16) return ANSI_COLOURS[index] ?? '#d0d0d0';
  if (index < 232) {
    const n = index - 16;
    const level = (v: number): number => (v === 0 ? 0 : 55 + v * 40);
    return `rgb(${level(Math.floor(n / 36))},${level(Math.floor(n / 6) % 6)},${level(n % 6)})`;
  }
  const grey = 8 + (index - 232) * 10;
  return `rgb(${grey},${grey},${grey})`;
}

export function applySgr(style: TextStyle, params: number[]): TextStyle {
  const next: TextStyle = { ...style };
  if (params.length === 0) params = [0];
  for (let i = 0; i < params.length; i++) {
    const p = params[i] ?? 0;
    if (p === 0) {
      for (const key of Object.keys(next) as (keyof TextStyle)[]) delete next[key];
    } else if (p === 1) next.bold = true;
    else if (p === 2) next.dim = true;
    else if (p === 3) next.italic = true;
    else if (p === 4) next.underline = true;
    else if (p === 7) next.inverse = true;
    else if (p === 22) { delete next.bold; delete next.dim; }
    else if (p === 23) delete next.italic;
    else if (p === 24) delete next.underline;
    else if (p === 27) delete next.inverse;
    else if (p >= 30 && p <= 37) next.fg = resolvePaletteColour(p - 30);
    else if (p >= 90 && p <= 97) next.fg = resolvePaletteColour(p - 90 + 8);
    else if (p >= 40 && p <= 47) next.bg = resolvePaletteColour(p - 40);
    else if (p >= 100 && p <= 107) next.bg = resolvePaletteColour(p - 100 + 8);
    else if (p === 39) delete next.fg;
    else if (p === 49) delete next.bg;
    else if (p === 38 || p === 48) {
      const mode = params[i + 1];
      let colour: string | undefined;
      if (mode === 5) {
        colour = resolvePaletteColour(Math.min(255, Math.max(0, params[i + 2] ?? 0)));
        i += 2;
      } else if (mode === 2) {
        const [r, g, b] = [params[i + 2] ?? 0, params[i + 3] ?? 0, params[i + 4] ?? 0].map((v) => Math.min(255, Math.max(0, v)));
        colour = `rgb(${r},${g},${b})`;
        i += 4;
      } else {
        break; // malformed: ignore the rest of the sequence
      }
      if (p === 38) next.fg = colour;
      else next.bg = colour;
    }
  }
  return next;
}

/** Interns styles; id 0 is the default style. Bounded: past the limit, new styles fall back to 0. */
export interface StyleTable {
  intern(style: TextStyle): number;
  get(id: number): TextStyle;
}

export const MAX_INTERNED_STYLES = 4096;

export function createStyleTable(): StyleTable {
  const styles: TextStyle[] = [{}];
  const ids = new Map<string, number>([['{}', 0]]);
  return {
    intern(style) {
      const key = JSON.stringify(style);
      let id = ids.get(key);
      if (id === undefined) {
        if (styles.length >= MAX_INTERNED_STYLES) return 0;
        id = styles.length;
        styles.push(style);
        ids.set(key, id);
      }
      return id;
    },
    get(id) {
      return styles[id] ?? {};
    },
  };
}

export function renderStyleCss(style: TextStyle): string {
  let fg = style.fg;
  let bg = style.bg;
  if (style.inverse) [fg, bg] = [bg ?? 'var(--demystify-term-bg, #111)', fg ?? 'var(--demystify-term-fg, #e6e6e6)'];
  const parts: string[] = [];
  if (fg) parts.push(`color:${fg}`);
  if (bg) parts.push(`background:${bg}`);
  if (style.bold) parts.push('font-weight:bold');
  if (style.dim) parts.push('opacity:.7');
  if (style.italic) parts.push('font-style:italic');
  if (style.underline) parts.push('text-decoration:underline');
  return parts.join(';');
}
