// A standalone page (the HTML export, opened from file:// or any web server) has no orchestrator,
// but it may carry its demos' recordings (`<script type="application/json"
// data-demystify-recordings>`). Then each recorded block shows its recorded outcome from the start
// (the screen the PDF shows), and Run replays the recording in the page, with the same replay
// engine as the server, through the same store and terminal view as live output. No request.
import { DEFAULT_IDLE_CAP_S, RECORDINGS_SCRIPT_ATTRIBUTE, REPLAY_WORDING, createReplay, parseEmbeddedRecordings, readCastRecordedAt, selectHoldMarkers, selectRecordedOutcome } from '../shared/index.ts';
import type { Cast, DemoEvent, DemoKind, Replay } from '../shared/index.ts';
import type { DemoModel } from './demo-store.ts';
import { RUN_KEY, findActiveSlide } from './run-key.ts';

export interface StaticReplayOptions {
  /** Feeds the store and the views, as the event stream does in live mode. */
  dispatch: (event: DemoEvent) => void;
  model: (id: string) => DemoModel | undefined;
  /** Buttons and the run key act (false in `?view=next` / `?view=overview`). */
  interactive: boolean;
  doc?: Document;
}

export interface StaticReplay {
  /** Recorded demos of this page → recordedAt. */
  readonly recorded: ReadonlyMap<string, number | undefined>;
  /** Shows each recorded demo's outcome (its final screen, or a daemon's screen at ready). */
  showOutcomes(): void;
  play(id: string): void;
  stop(id: string): void;
}

/** Undefined when the page carries no recording of its demos. */
export function startStaticReplay({ dispatch, model, interactive, doc = document }: StaticReplayOptions): StaticReplay | undefined {
  const script = doc.querySelector(`script[type="application/json"][${RECORDINGS_SCRIPT_ATTRIBUTE}]`);
  const kinds = new Map<string, DemoKind>();
  for (const block of doc.querySelectorAll<HTMLElement>('[data-demo-id]')) {
    kinds.set(block.dataset['demoId'] ?? '', block.dataset['demoKind'] === 'daemon' ? 'daemon' : 'command');
  }
  const casts = new Map([...parseEmbeddedRecordings(script?.textContent ?? '')].filter(([id]) => kinds.has(id)));
  if (casts.size === 0) return undefined;
  const recorded = new Map([...casts].map(([id, cast]) => [id, readCastRecordedAt(cast)]));
  const replays = new Map<string, Replay>();
  let sequence = 0;

  const showOutcome = (id: string, cast: Cast): void => {
    const { output, recordedAt, ...ending } = selectRecordedOutcome(cast, selectHoldMarkers(kinds.get(id)));
    const runId = `recorded-${id}`;
    dispatch({ type: 'output', demoId: id, runId, t: 0, data: output });
    dispatch({ type: 'state', demoId: id, runId, source: 'replay', at: Date.now(), ...(recordedAt === undefined ? {} : { recordedAt }), ...ending });
  };

  const isActive = (replay: Replay | undefined): replay is Replay => replay?.status === 'playing' || replay?.status === 'paused';

  const play = (id: string): void => {
    const cast = casts.get(id);
    if (!cast || isActive(replays.get(id))) return;
    sequence += 1;
    const replay = createReplay(cast, {
      demoId: id,
      runId: `replay-${id}-${sequence}`,
      idleCapS: cast.header.idle_time_limit ?? DEFAULT_IDLE_CAP_S,
      pauseOnMarkers: selectHoldMarkers(kinds.get(id)),
      onEvent: dispatch,
    });
    replays.set(id, replay);
    replay.start();
  };

  const stop = (id: string): void => {
    const replay = replays.get(id);
    if (!isActive(replay)) return;
    replay.stop();
    const recordedAt = recorded.get(id);
    dispatch({ type: 'state', demoId: id, runId: replay.runId, state: 'exited', source: 'replay', at: Date.now(), signal: 'SIGTERM', message: REPLAY_WORDING.stopped, ...(recordedAt === undefined ? {} : { recordedAt }) });
  };

  if (interactive) {
    doc.addEventListener('click', (event) => {
      const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-demo-action]');
      const id = button?.closest<HTMLElement>('[data-demo-id]')?.dataset['demoId'];
      if (!button || !id || !casts.has(id)) return;
      if (button.dataset['demoAction'] === 'run') play(id);
      else if (button.dataset['demoAction'] === 'stop') stop(id);
    });
    // `r` replays the active slide's first recorded demo that is not replaying already.
    doc.addEventListener('keydown', (event) => {
      if (event.key !== RUN_KEY || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      const slide = findActiveSlide(doc);
      const id = [...(slide?.querySelectorAll<HTMLElement>('[data-demo-id]') ?? [])]
        .map((block) => block.dataset['demoId'] ?? '')
        .find((candidate) => casts.has(candidate) && model(candidate)?.state !== 'replaying');
      if (id) {
        event.preventDefault();
        play(id);
      }
    });
  }
  return {
    recorded,
    showOutcomes: () => {
      for (const [id, cast] of casts) showOutcome(id, cast);
    },
    play,
    stop,
  };
}
