// Marp CLI imports the build engine module itself (by path, `--engine`), so the build cannot hand it
// a callback. This process-wide channel carries what each render produced (the demo manifest, or
// the plugin's error) from that engine back to the build that started Marp CLI. It lives on
// globalThis so that two copies of this module (a test runner's and Node's) still meet, and builds
// take turns (`withRenderChannel` serializes them) so one build never reads another's manifest.
import type { DemoManifest } from '../shared/index.ts';

export type RenderOutcome = { type: 'manifest'; manifest: DemoManifest } | { type: 'error'; error: unknown };

interface ChannelState {
  listener: ((outcome: RenderOutcome) => void) | undefined;
  /** The deck file of the build in progress, relative to the project root. */
  deck: string | undefined;
  turn: Promise<unknown>;
}

const CHANNEL_KEY = Symbol.for('demystify.deck.renderChannel');

function readChannel(): ChannelState {
  const host = globalThis as typeof globalThis & { [CHANNEL_KEY]?: ChannelState };
  host[CHANNEL_KEY] ??= { listener: undefined, deck: undefined, turn: Promise.resolve() };
  return host[CHANNEL_KEY];
}

/** The deck file of the build in progress (for the plugin's messages), if a build is listening. */
export function readRenderDeck(): string | undefined {
  return readChannel().deck;
}

/** Called by the build engine after each render. No build listening (Marp CLI run by hand): no-op. */
export function publishRenderOutcome(outcome: RenderOutcome): void {
  readChannel().listener?.(outcome);
}

/** Runs `render` while listening to the channel; returns its result and the last outcome seen. */
export function withRenderChannel<T>(deck: string, render: () => Promise<T>): Promise<{ result: T; outcome: RenderOutcome | undefined }> {
  const channel = readChannel();
  const run = async (): Promise<{ result: T; outcome: RenderOutcome | undefined }> => {
    let outcome: RenderOutcome | undefined;
    channel.deck = deck;
    channel.listener = (next) => {
      outcome = next;
    };
    try {
      const result = await render();
      return { result, outcome };
    } finally {
      channel.listener = undefined;
      channel.deck = undefined;
    }
  };
  const turn = channel.turn.then(run, run);
  channel.turn = turn.catch(() => undefined);
  return turn;
}
