// What runs inside the page during a flood bench: the counting-only baseline (an EventSource that
// parses and counts, nothing drawn) and the real panel (click Run, wait until the slide's log shows
// the flood's last line), with long tasks and frames counted while it lasts.
import type { Page } from 'playwright-core';

export interface PanelFlood {
  /** Click → last line drawn. */
  ms: number;
  /** Longest main-thread task of 50 ms or more during the flood; 0 when there was none. */
  longestTaskMs: number;
  longTasks: number;
  fps: number;
  /** Event streams the page opened during the flood: each is a start over from a snapshot (it fell behind). */
  reopenedStreams: number;
}

export const FLOOD_END_MARK = 'FLOOD-END';
/** Far past any flood's end: a panel that never shows the last line is a failure, named. */
const PANEL_TIMEOUT_MS = 120_000;

/** POSTs a run from the page and counts the output its own EventSource receives until the run ends. */
export function countOutputInPage(page: Page, demoId: string): Promise<{ bytes: number; ms: number }> {
  return page.evaluate(
    (id) =>
      new Promise<{ bytes: number; ms: number }>((resolve, reject) => {
        const source = new EventSource('/api/events');
        let runId: string | undefined;
        let bytes = 0;
        let started = 0;
        source.onmessage = (event: MessageEvent<string>) => {
          const message = JSON.parse(event.data) as {
            type: string;
            demoId?: string;
            runId?: string;
            state?: string;
            data?: string;
            demos?: { demoId: string; runId: string | null; state: string; output: string }[];
          };
          const done = (): void => {
            source.close();
            resolve({ bytes, ms: performance.now() - started });
          };
          if (message.type === 'state' && message.demoId === id && message.state === 'starting' && runId === undefined) runId = message.runId;
          else if (message.type === 'output' && message.runId === runId) bytes += message.data?.length ?? 0;
          else if (message.type === 'state' && message.runId === runId && (message.state === 'exited' || message.state === 'failed')) done();
          else if (message.type === 'snapshot' && runId !== undefined) {
            // Fell behind, was cut off, came back: the server sends where things are now.
            const demo = message.demos?.find((candidate) => candidate.runId === runId);
            bytes += demo?.output.length ?? 0;
            if (demo?.state === 'exited' || demo?.state === 'failed') done();
          }
        };
        source.onopen = () => {
          if (started !== 0) return;
          started = performance.now();
          void fetch('/api/run', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id }) }).then((response) => {
            if (!response.ok) reject(new Error(`POST /api/run answered ${response.status}`));
          });
        };
      }),
    demoId,
  );
}

/** Clicks the demo's Run button and waits until its panel shows the flood's last line. */
export function floodIntoPanel(page: Page, demoId: string): Promise<PanelFlood> {
  return page.evaluate(
    ({ id, mark, timeoutMs }) =>
      new Promise<PanelFlood>((resolve, reject) => {
        const block = document.querySelector<HTMLElement>(`.bespoke-marp-active [data-demo-id="${id}"], [data-demo-id="${id}"]`);
        const lines = block?.querySelector('.demystify-term__lines');
        const button = block?.querySelector<HTMLButtonElement>('button[data-demo-action="run"]');
        if (!block || !lines || !button) throw new Error(`No demo ${id} with a panel and a Run button on this page`);
        const tasks: number[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) tasks.push(entry.duration);
        });
        observer.observe({ type: 'longtask' });
        let frames = 0;
        // The panel may still show the previous run's end: wait for the new run to clear it first.
        let phase: 'click' | 'cleared' = 'click';
        const streams = (): number => (window as unknown as { __streams?: number }).__streams ?? 0;
        const streamsBefore = streams();
        const started = performance.now();
        const onFrame = (): void => {
          frames += 1;
          if (performance.now() - started > timeoutMs) {
            const last = lines.lastElementChild?.textContent ?? '';
            reject(new Error(`The panel of ${id} did not show ${mark} within ${timeoutMs} ms: phase ${phase}, state ${block.dataset['demoState']}, last line ${JSON.stringify(last.slice(-120))}, ${streams() - streamsBefore} stream(s) reopened`));
            return;
          }
          const state = block.dataset['demoState'];
          const showsEnd = (lines.lastElementChild?.textContent ?? '').includes(mark);
          if (phase === 'click' && (state === 'starting' || state === 'running') && !showsEnd) phase = 'cleared';
          else if (phase === 'cleared' && showsEnd) {
            const ms = performance.now() - started;
            observer.disconnect();
            resolve({ ms, longestTaskMs: Math.max(0, ...tasks), longTasks: tasks.length, fps: frames / (ms / 1000), reopenedStreams: streams() - streamsBefore });
            return;
          }
          requestAnimationFrame(onFrame);
        };
        requestAnimationFrame(onFrame);
        button.click();
      }),
    { id: demoId, mark: FLOOD_END_MARK, timeoutMs: PANEL_TIMEOUT_MS },
  );
}
