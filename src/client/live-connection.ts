// The page's line to the orchestrator: one event stream (GET /api/events, resumed with
// Last-Event-ID) and small JSON POSTs. A lost connection is shown, and heals itself.
// The stream is read with fetch, not EventSource: EventSource hands the page everything the network
// delivered at once, in one task (measured: 50–90 ms tasks during a flood, most of them parsing).
// Here the text is parsed a frame at a time, and after INTAKE_BUDGET_MS of work the reader waits
// for the page's next frame to be drawn: no task runs long, and while the page is behind it reads
// nothing, so the server sees it lag (and sends it a snapshot when it caught up) instead of the page
// piling up text it will never show.
import { API_PATHS, createEventStreamParser } from '../shared/index.ts';
import type { ApiErrorBody, DemoAction, StateResponse, StreamMessage } from '../shared/index.ts';

/** unreachable: no server, or the stream was cut; secret: a server answers but refuses this page's secret (it restarted). */
export type LostReason = 'unreachable' | 'secret';

export interface LiveConnectionHandlers {
  onMessage(message: StreamMessage): void;
  onConnected(): void;
  onLost(reason: LostReason): void;
}

export const RECONNECT_DELAY_MS = 1000;
/** Work on incoming frames per task before the reader lets the page draw. */
export const INTAKE_BUDGET_MS = 6;

export interface EventStreamConnection {
  close(): void;
}

export interface EventStreamEnvironment {
  fetch: typeof fetch;
  now: () => number;
  /** Resolves once the page has drawn its next frame. */
  afterNextFrame: () => Promise<void>;
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (timer: unknown) => void;
}

const browserEnvironment = (): EventStreamEnvironment => ({
  fetch: (input, init) => fetch(input, init),
  now: () => performance.now(),
  afterNextFrame,
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
});

/** A page that is shown but draws no frames (a frame hidden by CSS) is not waited for longer. */
const FRAME_WAIT_LIMIT_MS = 100;

/** After the next frame is drawn (a hidden page draws none: then after pending tasks). */
function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    let posted = false;
    const post = (): void => {
      if (posted) return;
      posted = true;
      channel.port2.postMessage(undefined);
    };
    if (document.hidden) return post();
    requestAnimationFrame(post);
    setTimeout(post, FRAME_WAIT_LIMIT_MS);
  });
}

export function connectEventStream(handlers: LiveConnectionHandlers, environment: EventStreamEnvironment = browserEnvironment()): EventStreamConnection {
  const { now } = environment;
  let lastEventId: string | undefined;
  let retryMs = RECONNECT_DELAY_MS;
  let controller: AbortController | undefined;
  let timer: unknown;
  /** Bumped by every open and by close: a reader (or a retry) that sees another value stops. */
  let generation = 0;

  /** A first stream starts with a snapshot; a later one resumes after the last frame received. */
  const open = (): void => {
    generation += 1;
    controller = new AbortController();
    void follow(generation, controller.signal, lastEventId);
  };

  async function follow(mine: number, signal: AbortSignal, resumeFrom: string | undefined): Promise<void> {
    const current = (): boolean => mine === generation;
    let reason: LostReason = 'unreachable';
    try {
      const headers: Record<string, string> = { Accept: 'text/event-stream' };
      if (resumeFrom !== undefined) headers['Last-Event-ID'] = resumeFrom;
      const response = await environment.fetch(API_PATHS.events, { headers, cache: 'no-store', credentials: 'same-origin', signal });
      // 401: this page's secret is not the server's, which restarted. Another tab opening the new
      // address sets the new secret for this origin: the next attempt here then succeeds.
      if (response.status === 401) reason = 'secret';
      if (!response.ok || !response.body) throw new Error(`GET ${API_PATHS.events} answered ${response.status}`);
      if (!current()) return;
      handlers.onConnected();
      const parser = createEventStreamParser();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let sliceStarted = now();
      for (;;) {
        const waitStarted = now();
        const { value, done } = await reader.read();
        if (!current()) return;
        if (done) break;
        // A read that waited began a new task: its budget starts now.
        if (now() - waitStarted > 1) sliceStarted = now();
        parser.push(value);
        for (let frame = parser.next(); frame; frame = parser.next()) {
          if (frame.id !== undefined) lastEventId = frame.id;
          if (frame.type === 'message') handlers.onMessage(JSON.parse(frame.data) as StreamMessage);
          if (!current()) return;
          if (now() - sliceStarted >= INTAKE_BUDGET_MS) {
            await environment.afterNextFrame();
            if (!current()) return;
            sliceStarted = now();
          }
        }
        retryMs = parser.retryMs ?? retryMs;
      }
    } catch {
      // Refused, unreachable, cut off or aborted: the same way back below.
    }
    if (!current()) return;
    handlers.onLost(reason);
    timer = environment.setTimeout(() => {
      if (current()) open();
    }, retryMs);
  }

  open();
  return {
    close() {
      generation += 1;
      environment.clearTimeout(timer);
      controller?.abort();
    },
  };
}

/** The server marks the page it serves; a static copy (file://, an export, any web server) has no mark. */
export const SERVER_META_NAME = 'demystify-server';

export function isServedByOrchestrator(doc: Document = document): boolean {
  return doc.querySelector(`meta[name="${SERVER_META_NAME}"]`) !== null;
}

/** The deck's mode, or undefined when no orchestrator serves this page (a static copy, file://). */
export async function fetchServerState(): Promise<StateResponse | undefined> {
  if (!isServedByOrchestrator()) return undefined;
  try {
    const response = await fetch(API_PATHS.state, { credentials: 'same-origin', cache: 'no-store' });
    if (!response.ok) return undefined;
    return (await response.json()) as StateResponse;
  } catch {
    return undefined;
  }
}

export async function postDemoAction(action: DemoAction, id: string): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    const response = await fetch(API_PATHS.action(action), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id }),
    });
    if (response.ok) return { ok: true };
    const body = (await response.json().catch(() => undefined)) as ApiErrorBody | undefined;
    return { ok: false, message: body?.error.message ?? `HTTP ${response.status}` };
  } catch {
    return { ok: false, message: 'Orchestrateur injoignable : « npm start » tourne-t-il encore ?' };
  }
}
