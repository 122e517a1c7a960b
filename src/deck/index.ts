// The deck: build (dist/deck/: index.html, binaries/, demos.json) and exports (dist/<deck>.pdf,
// dist/<deck>.html). Marp CLI imports the engines by path (src/deck/engine-paths.ts): from the
// sources that needs a process where .ts imports (tsx); precompiled, the bundle has its own.
export { buildDeck, countSlides } from './build-deck.ts';
export type { DeckBuild } from './build-deck.ts';
export { exportDeck, PDF_ENGINE_PATH, RECORDINGS_DIR } from './export-deck.ts';
export type { DeckExport, ExportOptions } from './export-deck.ts';
export { DECK_SOURCE, resolveDeckPaths } from './deck-paths.ts';
export type { DeckLocation, DeckPaths } from './deck-paths.ts';
export { DECK_MARP_OPTIONS, createDeckMarp, prepareDeckEngine, removeRemoteThemeImports } from './deck-engine.ts';
export { createClientBundle } from './client-bundle.ts';
export { inlineLocalAssets } from './inline-assets.ts';
export { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
export { loadRecordedDemos, renderRecordedScreen, RECORDED_SCREEN_LINES, EMBEDDED_CAST_BYTES } from './recorded-demos.ts';
export type { RecordedDemo, RecordedDemos } from './recorded-demos.ts';
export { inlineRecordedScreens, embedRecordings, injectRecordedScreenCss, renderRecordedScreenHtml, RECORDED_SCREEN_CSS } from './recorded-blocks.ts';
