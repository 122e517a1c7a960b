// What runs inside the page during a flood bench: the counting-only baseline (an EventSource that
// parses and counts, nothing drawn), and one meter (long tasks, frames, time until done) shared by the
// real panel (click Run, wait until the slide's log shows the flood's last line) and the peer player.
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
export const PANEL_TIMEOUT_MS = 120_000;

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

/** What a flood costs the page, measured the same way for our panel and for the peer player. */
export type FloodMeasure = Omit<PanelFlood, 'reopenedStreams'>;

export interface FloodMeter {
  /** Calls `start`, then checks `isDone` every frame; long tasks and frames are counted meanwhile. */
  (start: () => void, isDone: () => boolean, timeoutMs: number, describe: () => string): Promise<FloodMeasure>;
}

/** Installs `window.__floodMeter` in the page (see FloodMeter). */
export async function installFloodMeter(page: Page): Promise<void> {
  await page.evaluate(() => {
    const meter: FloodMeter = (start, isDone, timeoutMs, describe) =>
      new Promise((resolve, reject) => {
        const tasks: number[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) tasks.push(entry.duration);
        });
        observer.observe({ type: 'longtask' });
        let frames = 0;
        const started = performance.now();
        const onFrame = (): void => {
          frames += 1;
          const ms = performance.now() - started;
          if (isDone()) {
            observer.disconnect();
            resolve({ ms, longestTaskMs: Math.max(0, ...tasks), longTasks: tasks.length, fps: frames / (ms / 1000) });
          } else if (ms > timeoutMs) {
            observer.disconnect();
            reject(new Error(`${describe()} within ${timeoutMs} ms`));
          } else {
            requestAnimationFrame(onFrame);
          }
        };
        requestAnimationFrame(onFrame);
        start();
      });
    (window as unknown as { __floodMeter: FloodMeter }).__floodMeter = meter;
  });
}

/** Clicks the demo's Run button and waits until its panel shows the flood's last line. */
export async function floodIntoPanel(page: Page, demoId: string): Promise<PanelFlood> {
  await installFloodMeter(page);
  return page.evaluate(
    async ({ id, mark, timeoutMs }) => {
      const block = document.querySelector<HTMLElement>(`.bespoke-marp-active [data-demo-id="${id}"], [data-demo-id="${id}"]`);
      const lines = block?.querySelector('.demystify-term__lines');
      const button = block?.querySelector<HTMLButtonElement>('button[data-demo-action="run"]');
      if (!block || !lines || !button) throw new Error(`No demo ${id} with a panel and a Run button on this page`);
      const streams = (): number => (window as unknown as { __streams?: number }).__streams ?? 0;
      const streamsBefore = streams();
      const lastLine = (): string => lines.lastElementChild?.textContent ?? '';
      // The panel may still show the previous run's end: wait for the new run to clear it first.
      let phase: 'click' | 'cleared' = 'click';
      const isDone = (): boolean => {
        const state = block.dataset['demoState'];
        const showsEnd = lastLine().includes(mark);
        if (phase === 'click' && (state === 'starting' || state === 'running') && !showsEnd) phase = 'cleared';
        return phase === 'cleared' && showsEnd;
      };
      const describe = (): string =>
        `The panel of ${id} did not show ${mark}: phase ${phase}, state ${block.dataset['demoState']}, last line ${JSON.stringify(lastLine().slice(-120))}, ${streams() - streamsBefore} stream(s) reopened`;
      const meter = (window as unknown as { __floodMeter: FloodMeter }).__floodMeter;
      const measure = await meter(() => button.click(), isDone, timeoutMs, describe);
      return { ...measure, reopenedStreams: streams() - streamsBefore };
    },
    { id: demoId, mark: FLOOD_END_MARK, timeoutMs: PANEL_TIMEOUT_MS },
  );
}
