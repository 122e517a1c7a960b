// The core rule `demystify_demo`: finds ```demo fences, parses them, marks them in `token.meta`
// (key `demystifyDemo`) for the renderer, and builds the manifest of this render.
import type { StateCore } from 'markdown-it';
import { DemystifyError, isDemystifyError } from '../shared/index.ts';
import type { DemoDefinition, DemoManifest } from '../shared/index.ts';
import { isDemoInfo, parseDemoFence, readDemoIdText } from './demo-info.ts';
import type { DemoBlock } from './demo-info.ts';
import { createManifestBuilder, formatDeckProblem } from './demo-manifest.ts';
import { findFenceSites } from './slide-sites.ts';

export const DEMO_RULE_NAME = 'demystify_demo';
export const DEMO_META_KEY = 'demystifyDemo';

/** What the renderer finds in `token.meta.demystifyDemo` of a demo fence. */
export interface DemoFenceMeta {
  definition: DemoDefinition;
  /** An empty ```demo <id> block showing a demo defined elsewhere. */
  reference: boolean;
}

export interface DemoFenceRuleOptions {
  deck: string;
  onManifest?: (manifest: DemoManifest) => void;
  /** Called with the manifest when the deck has demos (adds the block styles under Marp). */
  onDemos?: (manifest: DemoManifest) => void;
}

export function createDemoFenceRule({ deck, onManifest, onDemos }: DemoFenceRuleOptions): (state: StateCore) => void {
  return (state) => {
    if (state.inlineMode) return;
    const builder = createManifestBuilder(deck);
    const marked: { token: StateCore['tokens'][number]; block: DemoBlock }[] = [];
    for (const site of findFenceSites(state.tokens)) {
      if (!isDemoInfo(site.token.info)) continue;
      const block = parseSite(site.token.info, site.token.content, site.slide, site.heading, deck);
      builder.add(block, site.slide);
      marked.push({ token: site.token, block });
    }
    const manifest = builder.finish();
    const byId = new Map(manifest.demos.map((demo) => [demo.id, demo]));
    for (const { token, block } of marked) {
      const id = block.type === 'reference' ? block.id : block.definition.id;
      const meta: DemoFenceMeta = { definition: byId.get(id) as DemoDefinition, reference: block.type === 'reference' };
      token.meta = { ...(token.meta as object | null), [DEMO_META_KEY]: meta };
    }
    if (manifest.demos.length > 0) onDemos?.(manifest);
    onManifest?.(manifest);
  };
}

function parseSite(info: string, body: string, slide: number, heading: string | undefined, deck: string): DemoBlock {
  try {
    return parseDemoFence({ info, body, slide, heading });
  } catch (error) {
    if (!isDemystifyError(error)) throw error;
    throw new DemystifyError('DECK_INVALID', formatDeckProblem(slide, readDemoIdText(info), error.message, deck), { cause: error });
  }
}

export function readDemoFenceMeta(meta: unknown): DemoFenceMeta | undefined {
  if (typeof meta !== 'object' || meta === null) return undefined;
  return (meta as Record<string, DemoFenceMeta | undefined>)[DEMO_META_KEY];
}
