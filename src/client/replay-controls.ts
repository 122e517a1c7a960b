// What a block adds for replays, on top of what block-view draws: a replayed demo never passes for
// a live one (the pill reads "REJEU — enregistrement du <date>"), a failed live demo that has a
// recording offers "▶ Rejouer l'enregistrement", and in a standalone page (no server) the run
// button of a recorded demo replays it in the page. Which demos have a recording comes from the
// stream: snapshots and state events carry `recordedAt`.
import { REPLAY_WORDING, STATE_LABELS } from '../shared/index.ts';
import type { DemoEvent, StreamMessage } from '../shared/index.ts';
import { describeStatus } from './block-view.ts';
import type { BlockView } from './block-view.ts';
import type { DemoModel } from './demo-store.ts';
import { REPLAY_CSS } from './replay-styles.ts';

export interface ReplayControls {
  /** Learns which demos have a recording (and when it was made) and where a replay holds. */
  observe(message: StreamMessage): void;
  /** Called after block-view updated the block from the model. */
  decorate(view: BlockView, model: DemoModel): void;
  /** Demos the page itself replays (standalone page): their run and stop buttons act on the replay. */
  setLocal(ids: ReadonlyMap<string, number | undefined>): void;
}

export interface ReplayControlsOptions {
  /** `live`: a failed demo offers its recording. */
  mode: 'live' | 'replay' | 'static';
  /** `?view=next` / `?view=overview`: show, never act. */
  inert: boolean;
  doc?: Document;
}

export function createReplayControls({ mode, inert, doc = document }: ReplayControlsOptions): ReplayControls {
  const style = doc.createElement('style');
  style.textContent = REPLAY_CSS;
  doc.head.append(style);
  /** Demo id → recordedAt (undefined when the header has no date). */
  const recorded = new Map<string, number | undefined>();
  let local: ReadonlyMap<string, number | undefined> = new Map();
  /** Runs that passed their `ready` marker (a held daemon replay reads "opérationnel"). */
  const readyRuns = new Set<string>();

  const learn = (demoId: string, source: string, recordedAt: number | undefined): void => {
    if (recordedAt !== undefined) recorded.set(demoId, recordedAt);
    else if (source === 'live') recorded.delete(demoId);
  };
  const observeEvent = (event: DemoEvent): void => {
    if (event.type === 'state') learn(event.demoId, event.source, event.recordedAt);
    else if (event.type === 'marker' && event.label === 'ready') readyRuns.add(event.runId);
  };

  return {
    observe(message) {
      if (message.type === 'snapshot') for (const snapshot of message.demos) learn(snapshot.demoId, snapshot.source, snapshot.recordedAt);
      else if (message.type !== 'reload') observeEvent(message);
    },
    decorate(view, model) {
      const bar = view.root.querySelector<HTMLElement>('.demystify-demo__bar');
      const status = view.root.querySelector<HTMLElement>('[data-demo-status]');
      const run = view.root.querySelector<HTMLButtonElement>('button[data-demo-action="run"]');
      const stop = view.root.querySelector<HTMLButtonElement>('button[data-demo-action="stop"]');
      const recordedAt = local.has(view.id) ? local.get(view.id) : recorded.get(view.id);
      if (status && model.source === 'replay' && model.state !== 'idle') {
        status.textContent = describeReplayStatus(model, recordedAt, model.runId !== null && readyRuns.has(model.runId));
      }
      if (mode === 'live' && bar && run) {
        let button = bar.querySelector<HTMLButtonElement>('button[data-demo-action="replay"]');
        if (!button) {
          button = createReplayButton(doc);
          run.after(button);
        }
        button.hidden = !(model.state === 'failed' && model.source === 'live' && recorded.has(view.id));
        button.disabled = inert;
      }
      if (local.has(view.id) && run) {
        run.disabled = inert || model.state === 'replaying';
        run.textContent = REPLAY_WORDING.replayRun;
        run.title = REPLAY_WORDING.replayRunHint(recordedAt);
        if (stop) stop.disabled = inert || model.state !== 'replaying';
      }
    },
    setLocal(ids) {
      local = ids;
    },
  };
}

function createReplayButton(doc: Document): HTMLButtonElement {
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'demystify-demo__run demystify-demo__replay';
  button.dataset['demoAction'] = 'replay';
  button.tabIndex = -1;
  button.title = REPLAY_WORDING.replayHint;
  button.textContent = REPLAY_WORDING.replayButton;
  button.hidden = true;
  return button;
}

/** "REJEU — enregistrement du 26/11/2025 · code de sortie 0 · 1,2 s". */
export function describeReplayStatus(model: DemoModel, recordedAt: number | undefined, heldAtReady: boolean): string {
  const badge = REPLAY_WORDING.badge(recordedAt);
  if (model.state === 'ready' || (model.state === 'replaying' && heldAtReady)) return `${badge} · ${STATE_LABELS.ready}`;
  if (model.state === 'exited' || (model.state === 'failed' && model.exitCode !== undefined)) return `${badge} · ${describeStatus(model)}`;
  if (model.state === 'failed') return `${badge} · ${STATE_LABELS.failed}`;
  return badge;
}
