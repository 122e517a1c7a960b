// Marp CLI's configuration, for running Marp CLI by hand on the deck
// (`NODE_OPTIONS='--import tsx' npx marp slides/demystifions-kubernetes.md`; on Node 20 the loader
// lets this file import our .ts modules). `npm run build` / `npm run export` use the same engine
// (src/deck/deck-engine.ts) through src/deck, and also bundle the client and write the manifest.
import type { Config } from '@marp-team/marp-cli';
import { CHROMIUM_PATH } from './src/deck/chromium.ts';
import { DECK_MARP_OPTIONS, prepareDeckEngine } from './src/deck/deck-engine.ts';

const config = {
  engine: ({ marp }) => prepareDeckEngine(marp),
  html: DECK_MARP_OPTIONS.html,
  lang: DECK_MARP_OPTIONS.lang,
  options: { emoji: DECK_MARP_OPTIONS.emoji },
  allowLocalFiles: true,
  browserPath: CHROMIUM_PATH,
  bespoke: { progress: true },
} satisfies Config;

export default config;
