// One palette and two generic font stacks for every image the project draws, so the
// diagrams, code views and badges look like one family next to the Gaia theme.

export const PALETTE = {
  /** Kubernetes blue: components that are running in the current view. */
  blue: '#326ce5',
  blueDark: '#1f4fb8',
  blueLight: '#e8effc',
  /** Accent: what this view adds. */
  accent: '#e8590c',
  accentLight: '#fff0e3',
  green: '#2b8a3e',
  greenLight: '#e6f4ea',
  red: '#c92a2a',
  redLight: '#fdeaea',
  ink: '#1d2b45',
  muted: '#5c667a',
  ghost: '#b8c0cc',
  panel: '#f5f7fb',
  line: '#d0d7de',
  paper: '#ffffff',
  terminal: '#1e2430',
  terminalInk: '#e6edf3',
} as const;

/** Generic families only: no web fonts, nothing fetched. */
export const FONT_SANS = 'sans-serif';
export const FONT_MONO = 'monospace';

/** Advance of one monospace glyph, as a fraction of the font size (DejaVu Sans Mono: 0.602). */
export const MONO_ADVANCE_EM = 0.61;
