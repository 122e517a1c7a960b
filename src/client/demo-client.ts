// The live client: finds the deck's demo blocks, follows the orchestrator's event stream, drives the
// buttons and the run key, and draws output once per frame. In `?view=next` it only shows.
import type { DemoAction, DemoEvent, StreamMessage } from '../shared/index.ts';
import { createBlockView } from './block-view.ts';
import type { BlockView } from './block-view.ts';
import { CLIENT_CSS } from './client-styles.ts';
import { createClusterStrip } from './cluster-strip.ts';
import { createDemoStore } from './demo-store.ts';
import type { DemoModel } from './demo-store.ts';
import { LABELS } from './labels.ts';
import { connectEventStream, fetchServerState, postDemoAction } from './live-connection.ts';
import type { LostReason } from './live-connection.ts';
import { createReplayControls } from './replay-controls.ts';
import { startStaticReplay } from './replay-static.ts';
import { installRunKey } from './run-key.ts';
import type { ViewMode } from './view-mode.ts';

export interface DemoClient {
  readonly mode: 'live' | 'replay' | 'static';
  /** Applies an event as if it came from the stream (replays without a server use it). */
  dispatch(event: DemoEvent): void;
  run(id: string): void;
}

export async function startDemoClient(view: ViewMode): Promise<DemoClient | undefined> {
  const roots = [...document.querySelectorAll<HTMLElement>('[data-demo-id]')];
  if (roots.length === 0) return undefined;

  const style = document.createElement('style');
  style.textContent = CLIENT_CSS;
  document.head.append(style);

  const store = createDemoStore(new Set(roots.map((r) => r.dataset['demoId'] ?? '')));
  const views = new Map<string, BlockView[]>();
  for (const root of roots) {
    const id = root.dataset['demoId'] ?? '';
    const view = createBlockView(root, () => store.get(id) as DemoModel);
    views.set(id, [...(views.get(id) ?? []), view]);
  }
  const daemonIds = [...new Set(roots.filter((r) => r.dataset['demoKind'] === 'daemon').map((r) => r.dataset['demoId'] ?? ''))];
  const strip = createClusterStrip(document.querySelectorAll<HTMLElement>('section[id]'), daemonIds);
  const allModels = (): DemoModel[] => store.ids().map((id) => store.get(id) as DemoModel);
  const state = await fetchServerState();
  const mode = state?.mode ?? 'static';
  const replay = createReplayControls({ mode, inert: view === 'next' || view === 'overview' });

  let frame = 0;
  const scheduleRender = (): void => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      for (const list of views.values()) for (const v of list) v.terminal?.render();
    });
  };
  const refresh = (model: DemoModel | undefined, outputChanged: boolean): void => {
    if (!model) return;
    const dirty = model.screen.takeDirty();
    for (const v of views.get(model.id) ?? []) {
      v.update(model);
      replay.decorate(v, model);
      if (outputChanged || dirty !== Number.POSITIVE_INFINITY) v.terminal?.invalidate(dirty);
    }
    strip.update(allModels());
    scheduleRender();
  };
  const dispatch = (event: DemoEvent): void => {
    replay.observe(event);
    refresh(store.apply(event), event.type === 'output');
  };

  document.documentElement.dataset['demystifyMode'] = mode;
  for (const model of allModels()) refresh(model, true);

  const run = (id: string, action: DemoAction = 'run'): void => {
    if (mode === 'static' || view === 'next' || view === 'overview') return;
    void postDemoAction(action, id).then((result) => {
      if (!result.ok) refresh(store.note(id, result.message), true);
    });
  };

  if (mode === 'static') {
    const interactive = view !== 'next' && view !== 'overview';
    const local = startStaticReplay({ dispatch, model: (id) => store.get(id), interactive });
    replay.setLocal(local?.recorded ?? new Map());
    local?.showOutcomes();
    // A demo with no recording cannot run here: its button stays focusable (keys keep working) and
    // says why when pressed.
    for (const root of roots) {
      const id = root.dataset['demoId'] ?? '';
      if (local?.recorded.has(id)) continue;
      for (const button of root.querySelectorAll<HTMLButtonElement>('button[data-demo-action="run"]')) {
        button.dataset['demoOffline'] = 'true';
        button.title = LABELS.offline;
      }
    }
    if (interactive) {
      document.addEventListener('click', (event) => {
        const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-demo-action="run"][data-demo-offline]');
        const id = button?.closest<HTMLElement>('[data-demo-id]')?.dataset['demoId'];
        if (id) refresh(store.note(id, LABELS.offline), true);
      });
    }
    return { mode, dispatch, run: (id) => local?.play(id) };
  }

  const banner = document.createElement('div');
  banner.className = 'demystify-connection';
  banner.setAttribute('role', 'status');
  banner.textContent = LABELS.connectionLost;
  banner.hidden = true;
  document.body.append(banner);

  const onMessage = (message: StreamMessage): void => {
    replay.observe(message);
    if (message.type === 'reload') {
      window.location.reload();
    } else if (message.type === 'snapshot') {
      for (const snapshot of message.demos) refresh(store.load(snapshot), true);
    } else {
      dispatch(message);
    }
  };
  // Applied as they come: the connection reads a flood a frame's budget at a time, and the panels
  // draw once per frame.
  const onLost = (reason: LostReason): void => {
    banner.textContent = reason === 'secret' ? LABELS.secretRefused : LABELS.connectionLost;
    banner.hidden = false;
  };
  connectEventStream({ onMessage, onConnected: () => (banner.hidden = true), onLost });

  if (view !== 'next' && view !== 'overview') {
    document.addEventListener('click', (event) => {
      const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-demo-action]');
      const id = button?.closest<HTMLElement>('[data-demo-id]')?.dataset['demoId'];
      if (!button || !id) return;
      const action = button.dataset['demoAction'];
      if (action === 'run') run(id, 'run');
      else if (action === 'stop') run(id, 'stop');
      else if (action === 'replay') run(id, 'replay');
    });
    installRunKey((id) => run(id), (id) => store.get(id));
  } else {
    for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-demo-action]')) button.disabled = true;
  }
  return { mode, dispatch, run };
}
