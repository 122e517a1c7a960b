// The page's line to the orchestrator: one EventSource (it resumes with Last-Event-ID by itself)
// and small JSON POSTs. A lost connection is shown, and heals itself.
import { API_PATHS } from '../shared/index.ts';
import type { ApiErrorBody, DemoAction, StateResponse, StreamMessage } from '../shared/index.ts';

export interface LiveConnectionHandlers {
  onMessage(message: StreamMessage): void;
  onConnected(): void;
  onLost(): void;
}

export const RECONNECT_DELAY_MS = 1000;

export interface EventStreamConnection {
  close(): void;
  /** Drops the stream and opens a fresh one at once: it starts with a snapshot (no Last-Event-ID). */
  reopen(): void;
}

export function connectEventStream(handlers: LiveConnectionHandlers): EventStreamConnection {
  let source: EventSource | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const open = (): void => {
    source = new EventSource(API_PATHS.events);
    source.onopen = () => handlers.onConnected();
    source.onmessage = (event: MessageEvent<string>) => handlers.onMessage(JSON.parse(event.data) as StreamMessage);
    source.onerror = () => {
      handlers.onLost();
      // The browser retries by itself unless the server refused the stream; then we retry.
      if (source?.readyState === EventSource.CLOSED && !closed) {
        source.close();
        timer = setTimeout(open, RECONNECT_DELAY_MS);
      }
    };
  };
  open();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      source?.close();
    },
    reopen() {
      if (closed) return;
      clearTimeout(timer);
      source?.close();
      open();
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
