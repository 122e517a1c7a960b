// The demo plugin (markdown-it, applied through Marp): ```demo fences → demo blocks + a manifest.
//
//   import { demoPlugin } from './src/plugin/index.ts';
//   marp.use(demoPlugin, { deck: 'slides/deck.md', onManifest: (manifest) => … });
//
// - Syntax and markup: notes/demo-syntax.md. Ordinary fences render byte-identically.
// - Reading the manifest: pass `onManifest`; it is called at the end of every parse with the
//   DemoManifest of that render (demos in order of first appearance, `slide` 1-based). The deck
//   build (src/deck) passes it through its engine and writes dist/deck/demos.json.
// - Errors: an invalid deck throws DemystifyError('DECK_INVALID') from `md.parse`/`md.render`, its
//   message naming the slide: `Slide 12, demo "etcd": Expected …, got …. Fix the ```demo block in …`.
// - Styles: under Marp, when the deck has demos, DEMO_BLOCK_CSS joins the deck's global styles (so it
//   is in the HTML, the PDF and every export); on a bare markdown-it nothing is added.
// - Token meta: demo fences carry `token.meta.demystifyDemo` (DemoFenceMeta) after the core rule.
export { demoPlugin } from './demo-plugin.ts';
export type { DemoPluginOptions } from './demo-plugin.ts';
export { DEMO_BLOCK_CSS } from './demo-block-styles.ts';
export { DEMO_META_KEY, DEMO_RULE_NAME, readDemoFenceMeta } from './demo-fence-rule.ts';
export type { DemoFenceMeta } from './demo-fence-rule.ts';
export { isDemoInfo, parseDemoFence } from './demo-info.ts';
export type { DemoBlock, DemoFenceSource } from './demo-info.ts';
