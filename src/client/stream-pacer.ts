// The event stream at the page's pace. A flood arrives faster than a page can lay out text (a
// process writes hundreds of MB/s); applied as it comes, every message is a main-thread task and
// the slide stutters (measured: 61 ms tasks, 39 fps on a 50 MB flood). So small messages on a quiet
// stream are applied at once (the first byte shows without delay), while a burst is queued and
// applied in slices of a few milliseconds per frame, in order. A page that falls too far behind
// drops its queue and asks for a snapshot instead: it shows where the run is now, never a backlog.
import type { StreamMessage } from '../shared/index.ts';

export interface StreamPacerOptions {
  apply(message: StreamMessage): void;
  /** A slice was applied inside an animation frame: draw now. */
  afterSlice(): void;
  /** The queue was dropped: get a fresh snapshot (reopen the stream). */
  onBehind(): void;
  sliceBudgetMs?: number;
  maxQueuedChars?: number;
  immediateChars?: number;
  now?: () => number;
  requestFrame?: (callback: () => void) => void;
}

export interface StreamPacer {
  push(message: StreamMessage): void;
  /** Characters of output waiting to be applied. */
  readonly queuedChars: number;
}

export const SLICE_BUDGET_MS = 6;
export const MAX_QUEUED_CHARS = 8 * 1024 * 1024;
export const IMMEDIATE_CHARS = 8 * 1024;

function sizeOf(message: StreamMessage): number {
  if (message.type === 'output') return message.data.length;
  if (message.type === 'snapshot') return message.demos.reduce((sum, demo) => sum + demo.output.length, 0);
  return 0;
}

export function createStreamPacer(options: StreamPacerOptions): StreamPacer {
  const { apply, afterSlice, onBehind } = options;
  const budgetMs = options.sliceBudgetMs ?? SLICE_BUDGET_MS;
  const maxQueuedChars = options.maxQueuedChars ?? MAX_QUEUED_CHARS;
  const immediateChars = options.immediateChars ?? IMMEDIATE_CHARS;
  const now = options.now ?? (() => performance.now());
  const requestFrame = options.requestFrame ?? ((callback) => void requestAnimationFrame(callback));
  let queue: StreamMessage[] = [];
  let head = 0;
  let queuedChars = 0;
  let scheduled = false;

  const drop = (): void => {
    queue = [];
    head = 0;
    queuedChars = 0;
  };

  const runSlice = (): void => {
    scheduled = false;
    const started = now();
    while (head < queue.length && now() - started < budgetMs) {
      const message = queue[head] as StreamMessage;
      head += 1;
      queuedChars -= sizeOf(message);
      apply(message);
    }
    if (head >= queue.length) drop();
    else if (head > 1024) {
      queue = queue.slice(head);
      head = 0;
    }
    afterSlice();
    if (queue.length > 0) schedule();
  };

  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    requestFrame(runSlice);
  };

  return {
    push(message) {
      if (message.type === 'reload') {
        drop();
        apply(message);
        return;
      }
      // A snapshot is the whole state at its point in the stream: what is queued before it is moot.
      if (message.type === 'snapshot') drop();
      const size = sizeOf(message);
      if (head >= queue.length && size <= immediateChars && message.type !== 'snapshot') {
        apply(message);
        return;
      }
      if (queuedChars + size > maxQueuedChars && message.type !== 'snapshot') {
        drop();
        onBehind();
        return;
      }
      queue.push(message);
      queuedChars += size;
      schedule();
    },
    get queuedChars() {
      return queuedChars;
    },
  };
}
