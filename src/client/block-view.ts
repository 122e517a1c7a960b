// One demo block on a slide: its state attribute (the DOM contract), the status pill, the buttons,
// and the terminal view of its output.
import type { DemoModel } from './demo-store.ts';
import { LABELS, STATE_LABELS } from './labels.ts';
import { createTerminalView } from './terminal-view.ts';
import type { TerminalView } from './terminal-view.ts';

export interface BlockView {
  readonly id: string;
  readonly root: HTMLElement;
  readonly terminal: TerminalView | undefined;
  update(model: DemoModel): void;
}

export function describeStatus(model: DemoModel): string {
  if (model.state === 'exited') {
    return model.signal && model.exitCode === undefined ? LABELS.stopped(model.signal) : LABELS.exited(model.exitCode, model.durationMs);
  }
  if (model.state === 'failed' && model.exitCode !== undefined) return `${STATE_LABELS.failed} · ${LABELS.exited(model.exitCode, model.durationMs)}`;
  if (model.source === 'replay' && model.state !== 'idle') return `${LABELS.replayBadge} · ${STATE_LABELS[model.state]}`;
  return STATE_LABELS[model.state];
}

export function createBlockView(root: HTMLElement, model: () => DemoModel): BlockView {
  const id = root.dataset['demoId'] ?? '';
  const output = root.querySelector<HTMLElement>('[role="log"]');
  const status = root.querySelector<HTMLElement>('[data-demo-status]');
  const run = root.querySelector<HTMLButtonElement>('button[data-demo-action="run"]');
  const stop = root.querySelector<HTMLButtonElement>('button[data-demo-action="stop"]');
  const terminal = output ? createTerminalView(output, () => model().screen) : undefined;
  let notice: HTMLElement | undefined;
  return {
    id,
    root,
    terminal,
    update(current) {
      root.dataset['demoState'] = current.state;
      root.dataset['demoSource'] = current.source;
      if (current.notice && !notice) {
        notice = document.createElement('span');
        notice.className = 'demystify-demo__notice';
        status?.before(notice);
      }
      if (notice) notice.textContent = current.notice ? `⚠ ${current.notice}` : '';
      if (status) {
        status.textContent = describeStatus(current);
        status.title = current.message ?? '';
      }
      if (run) {
        const active = current.state === 'starting' || current.state === 'running' || current.state === 'ready' || current.state === 'replaying';
        run.disabled = active;
        run.textContent = current.state === 'idle' || active ? LABELS.run : LABELS.rerun;
      }
      // Nothing to stop unless it runs (a failed or exited daemon has no process left).
      if (stop) stop.disabled = !(current.state === 'starting' || current.state === 'running' || current.state === 'ready' || current.state === 'replaying');
    },
  };
}
