// The markdown-it plugin: a core rule marks ```demo fences, the wrapped `fence` renderer draws them.
import type MarkdownIt from 'markdown-it';
import type { DemoManifest } from '../shared/index.ts';
import { DEMO_BLOCK_CSS } from './demo-block-styles.ts';
import { DEMO_RULE_NAME, createDemoFenceRule } from './demo-fence-rule.ts';
import { createDemoFenceRenderer } from './demo-fence-renderer.ts';

export interface DemoPluginOptions {
  /** The deck file, relative to the project root: named in error messages and in the manifest. */
  deck?: string;
  /** Called once per render with the manifest of that render (also when it has no demo). */
  onManifest?: (manifest: DemoManifest) => void;
  /** Add the demo block CSS to the deck's global styles when used through Marp (default true). */
  styles?: boolean;
}

/** Marpit exposes itself as `md.marpit`; its `lastStyles` are the deck's global styles of this render. */
interface MarpitHost {
  marpit?: { lastStyles?: string[] };
}

export function demoPlugin(md: MarkdownIt, options: DemoPluginOptions = {}): void {
  const { deck = '', onManifest, styles = true } = options;
  const addStyles = (): void => {
    const lastStyles = (md as MarkdownIt & MarpitHost).marpit?.lastStyles;
    if (styles && lastStyles && !lastStyles.includes(DEMO_BLOCK_CSS)) lastStyles.unshift(DEMO_BLOCK_CSS);
  };
  md.core.ruler.push(DEMO_RULE_NAME, createDemoFenceRule({ deck, onManifest, onDemos: addStyles }));
  md.renderer.rules.fence = createDemoFenceRenderer(md.renderer.rules.fence, md.utils.escapeHtml);
}
