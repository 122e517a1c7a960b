// The Marp engine of the deck, shared by marp.config.ts (Marp CLI run by hand) and the build:
// Marp Core with the demo plugin, HTML enabled, emoji as native text, and no remote theme import.
// Nothing in the rendered deck may reach the network: stock Marp draws emoji as twemoji images from
// a CDN and the Gaia theme @imports web fonts; both are turned off here.
import { Marp } from '@marp-team/marp-core';
import type { MarpOptions } from '@marp-team/marp-core';
import { demoPlugin } from '../plugin/index.ts';
import type { DemoPluginOptions } from '../plugin/index.ts';

export const DECK_MARP_OPTIONS = {
  html: true,
  /** The talk is French (a deck's `lang:` directive still wins); Marp CLI would use the OS locale. */
  lang: 'fr',
  emoji: { shortcode: true, unicode: false },
} as const satisfies MarpOptions;

/** `@import "https://…";` / `@import url(https://…);` at the top of a theme. */
const REMOTE_IMPORT = /@import\s+(?:url\(\s*)?["']?(?:https?:)?\/\/[^;]*;\s*/g;

type Theme = ReturnType<Marp['themeSet']['add']>;

/** Stripped themes by original CSS: parsing a theme costs milliseconds, and every build constructs Marp. */
const strippedThemes = new Map<string, Theme>();

/** Re-registers every theme that @imports a remote stylesheet without that import (fonts fall back). */
export function removeRemoteThemeImports(marp: Marp): Marp {
  for (const theme of [...marp.themeSet.themes()]) {
    const stripped = strippedThemes.get(theme.css);
    if (stripped !== undefined) {
      marp.themeSet.addTheme(stripped);
    } else if (theme.css.match(REMOTE_IMPORT)) {
      strippedThemes.set(theme.css, marp.themeSet.add(theme.css.replace(REMOTE_IMPORT, '')));
    }
  }
  return marp;
}

/** Applies the deck setup to a Marp instance built with DECK_MARP_OPTIONS. */
export function prepareDeckEngine(marp: Marp, plugin: DemoPluginOptions = {}): Marp {
  return removeRemoteThemeImports(marp).use(demoPlugin, plugin);
}

/** A Marp instance for the deck (constructor options from Marp CLI are kept, ours win). */
export function createDeckMarp(options: MarpOptions = {}, plugin: DemoPluginOptions = {}): Marp {
  return prepareDeckEngine(new Marp({ ...options, ...DECK_MARP_OPTIONS }), plugin);
}
