// Terminal colours as CSS. The 16 base colours are CSS variables with xterm.js's default
// (Tango) values as fallbacks, so the exported screen matches the live xterm panel and a theme
// can restyle it; the 240 others are xterm's fixed 256-colour cube and grey ramp.

export const ANSI_BASE_COLOURS: readonly string[] = [
  '#2e3436', '#cc0000', '#4e9a06', '#c4a000', '#3465a4', '#75507b', '#06989a', '#d3d7cf',
  '#555753', '#ef2929', '#8ae234', '#fce94f', '#729fcf', '#ad7fa8', '#34e2e2', '#eeeeec',
];
export const DEFAULT_FOREGROUND_CSS = 'var(--demystify-term-fg, #ffffff)';
export const DEFAULT_BACKGROUND_CSS = 'var(--demystify-term-bg, #000000)';

const CUBE_LEVELS = [0x00, 0x5f, 0x87, 0xaf, 0xd7, 0xff];
const CUBE_START = 16;
const GREY_START = 232;

function renderHex(red: number, green: number, blue: number): string {
  return `#${[red, green, blue].map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}

/** CSS for palette colour 0–255. */
export function renderPaletteColour(index: number): string {
  if (index < CUBE_START) return `var(--demystify-ansi-${index}, ${ANSI_BASE_COLOURS[index] ?? '#ffffff'})`;
  if (index < GREY_START) {
    const cube = index - CUBE_START;
    const level = (n: number): number => CUBE_LEVELS[n] ?? 0;
    return renderHex(level(Math.floor(cube / 36)), level(Math.floor(cube / 6) % 6), level(cube % 6));
  }
  const grey = 8 + (index - GREY_START) * 10;
  return renderHex(grey, grey, grey);
}

/** CSS for a 24-bit colour packed as 0xRRGGBB. */
export function renderRgbColour(packed: number): string {
  return renderHex((packed >> 16) & 0xff, (packed >> 8) & 0xff, packed & 0xff);
}
