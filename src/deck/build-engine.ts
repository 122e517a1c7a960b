// The engine handed to Marp CLI (`--engine <this file>`) by the build and the exports: the deck
// engine, reporting each render's manifest or error through the render channel. A class because
// Marp CLI then constructs exactly one Marp per conversion (a functional engine is handed an
// instance Marp CLI has already built, which ours would replace: a second construction per build).
import { Marp } from '@marp-team/marp-core';
import type { MarpOptions } from '@marp-team/marp-core';
import { DECK_MARP_OPTIONS, prepareDeckEngine } from './deck-engine.ts';
import { publishRenderOutcome, readRenderDeck } from './render-channel.ts';

/** Marp registers ~190 highlight.js languages per instance, on its first highlighted fence. */
let sharedHighlightjs: Marp['highlightjs'] | undefined;

export default class BuildEngine extends Marp {
  // One per process: a rebuild then costs what changed, not 13 ms of highlighter set-up (measured:
  // 25% of a warm build of the talk). The instance is stateless between highlights.
  override get highlightjs(): Marp['highlightjs'] {
    sharedHighlightjs ??= super.highlightjs;
    return sharedHighlightjs;
  }

  constructor(options: MarpOptions = {}) {
    super({ ...options, ...DECK_MARP_OPTIONS });
    prepareDeckEngine(this, {
      deck: readRenderDeck() ?? '',
      onManifest: (manifest) => publishRenderOutcome({ type: 'manifest', manifest }),
    });
    const render = this.render.bind(this);
    this.render = ((markdown: string, env?: object) => {
      try {
        return render(markdown, env);
      } catch (error) {
        publishRenderOutcome({ type: 'error', error });
        throw error;
      }
    }) as Marp['render'];
  }
}
