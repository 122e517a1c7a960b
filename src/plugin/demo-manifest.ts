// Gathers the blocks of one render into a DemoManifest (talk order = first appearance) and checks
// the deck as a whole: one definition per id, references and needs that resolve, no cycles.
import { DemystifyError } from '../shared/index.ts';
import type { DemoDefinition, DemoManifest } from '../shared/index.ts';
import type { DemoBlock } from './demo-info.ts';

export interface ManifestBuilder {
  /** Records a block found on `slide`; throws DECK_INVALID on a conflicting redefinition. */
  add(block: DemoBlock, slide: number): void;
  /** Resolves references and needs; throws DECK_INVALID naming the slide of the first problem. */
  finish(): DemoManifest;
}

export function formatDeckProblem(slide: number, id: string | undefined, problem: string, deck: string): string {
  const where = id === undefined ? `Slide ${slide}` : `Slide ${slide}, demo "${id}"`;
  return `${where}: ${problem}. Fix the \`\`\`demo block in ${deck || 'the deck'}.`;
}

function fail(slide: number, id: string, problem: string, deck: string): never {
  throw new DemystifyError('DECK_INVALID', formatDeckProblem(slide, id, problem, deck));
}

/** What must be equal for two blocks to define the same demo: everything but where they are. */
function createSignature({ definition, explicitTitle }: Extract<DemoBlock, { type: 'definition' }>): string {
  const { slide: _slide, title, ...rest } = definition;
  return JSON.stringify({ ...rest, title: explicitTitle ? title : null });
}

export function createManifestBuilder(deck: string): ManifestBuilder {
  const definitions = new Map<string, { definition: DemoDefinition; signature: string }>();
  const references: { id: string; slide: number }[] = [];
  return {
    add(block, slide) {
      if (block.type === 'reference') {
        references.push({ id: block.id, slide });
        return;
      }
      const { id } = block.definition;
      const signature = createSignature(block);
      const first = definitions.get(id);
      if (first === undefined) definitions.set(id, { definition: block.definition, signature });
      else if (first.signature !== signature) {
        fail(slide, id, `Expected the same command and options as its definition on slide ${first.definition.slide} (or an empty \`\`\`demo ${id} block to show it again), got a different definition`, deck);
      }
    },
    finish() {
      for (const { id, slide } of references) {
        if (!definitions.has(id)) fail(slide, id, `Expected a definition of "${id}" somewhere in the deck for this reference, got none`, deck);
      }
      const demos = [...definitions.values()].map(({ definition }) => definition);
      for (const demo of demos) {
        for (const need of demo.needs) {
          if (need === demo.id) fail(demo.slide, demo.id, `Expected needs= to name other demos, got "${need}" itself`, deck);
          if (!definitions.has(need)) fail(demo.slide, demo.id, `Expected needs= to name demos defined in the deck, got unknown "${need}"`, deck);
        }
      }
      validateAcyclic(demos, deck);
      return { version: 1, deck, demos };
    },
  };
}

function validateAcyclic(demos: DemoDefinition[], deck: string): void {
  const byId = new Map(demos.map((demo) => [demo.id, demo]));
  const done = new Set<string>();
  const visit = (demo: DemoDefinition, path: string[]): void => {
    if (done.has(demo.id)) return;
    if (path.includes(demo.id)) {
      fail(demo.slide, demo.id, `Expected needs= without cycles, got ${[...path.slice(path.indexOf(demo.id)), demo.id].join(' → ')}`, deck);
    }
    for (const need of demo.needs) visit(byId.get(need) as DemoDefinition, [...path, demo.id]);
    done.add(demo.id);
  };
  for (const demo of demos) visit(demo, []);
}
