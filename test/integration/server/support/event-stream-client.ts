// A page's event stream, read the way the deck reads it (GET /api/events, `id:` + `data:` frames,
// Last-Event-ID on reconnect), with waits on conditions and the received text kept per demo.
import { request } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { createEventStreamParser } from '../../../../src/shared/index.ts';
import type { DemoSnapshot, OutputEvent, StateEvent, StreamMessage } from '../../../../src/shared/index.ts';

export interface StreamFrame {
  id: number | undefined;
  message: StreamMessage;
}

export interface EventStreamClient {
  readonly status: number;
  readonly frames: StreamFrame[];
  /** `id:` of the last frame received. */
  readonly lastId: number | undefined;
  /** Bytes of body received. */
  readonly bytes: number;
  /** Resolves when the server ends or cuts the stream (or we close it). */
  readonly ended: Promise<void>;
  isEnded(): boolean;
  /** Output text of one demo, in order (optionally of one run), from output events only. */
  output(demoId: string, runId?: string): string;
  states(demoId: string): StateEvent[];
  /** The first frame's snapshot entry for a demo, when the stream began with a snapshot. */
  snapshotOf(demoId: string): DemoSnapshot | undefined;
  waitFor(predicate: (message: StreamMessage) => boolean, timeoutMs?: number, what?: string): Promise<StreamMessage>;
  close(): void;
}

export interface EventStreamOptions {
  port: number;
  cookie: string;
  lastEventId?: string;
  headers?: Record<string, string>;
  /** Keep every output event's text (default true); off for floods, where only counts matter. */
  keepOutput?: boolean;
  /** Called with every frame as it arrives. */
  onFrame?: (frame: StreamFrame) => void;
}

export const STREAM_WAIT_MS = 15_000;

export function openEventStream(options: EventStreamOptions): Promise<EventStreamClient> {
  const { port, cookie, keepOutput = true } = options;
  return new Promise((resolve, reject) => {
    const frames: StreamFrame[] = [];
    const waiters = new Set<() => void>();
    let lastId: number | undefined;
    let bytes = 0;
    let ended = false;
    let endResponse: (() => void) | undefined;
    const endedPromise = new Promise<void>((done) => (endResponse = done));
    const markEnded = (): void => {
      if (ended) return;
      ended = true;
      endResponse?.();
      for (const waiter of [...waiters]) waiter();
    };

    // The page's own parser: the server tests read the stream exactly as the deck does.
    const parser = createEventStreamParser();
    const handleFrame = (frameId: string | undefined, data: string): void => {
      const id = frameId === undefined ? undefined : Number(frameId);
      if (id !== undefined) lastId = id;
      const message = JSON.parse(data) as StreamMessage;
      const frame = { id, message };
      options.onFrame?.(frame);
      if (!keepOutput && message.type === 'output') frames.push({ id, message: { ...message, data: '' } });
      else frames.push(frame);
      for (const waiter of [...waiters]) waiter();
    };

    const req = request({
      host: '127.0.0.1',
      port,
      path: '/api/events',
      agent: false,
      headers: { Host: `127.0.0.1:${port}`, Cookie: cookie, Accept: 'text/event-stream', ...(options.lastEventId !== undefined && { 'Last-Event-ID': options.lastEventId }), ...options.headers },
    });
    req.on('error', (error) => {
      markEnded();
      reject(error);
    });
    req.on('response', (response: IncomingMessage) => {
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        bytes += Buffer.byteLength(chunk);
        parser.push(chunk);
        for (let frame = parser.next(); frame; frame = parser.next()) handleFrame(frame.id, frame.data);
      });
      response.on('end', markEnded);
      response.on('close', markEnded);
      response.on('error', markEnded);
      const client: EventStreamClient = {
        status: response.statusCode ?? 0,
        frames,
        get lastId() {
          return lastId;
        },
        get bytes() {
          return bytes;
        },
        ended: endedPromise,
        isEnded: () => ended,
        output: (demoId, runId) =>
          frames
            .map((frame) => frame.message)
            .filter((message): message is OutputEvent => message.type === 'output' && message.demoId === demoId && (runId === undefined || message.runId === runId))
            .map((message) => message.data)
            .join(''),
        states: (demoId) => frames.map((frame) => frame.message).filter((message): message is StateEvent => message.type === 'state' && message.demoId === demoId),
        snapshotOf(demoId) {
          const first = frames[0]?.message;
          return first?.type === 'snapshot' ? first.demos.find((demo) => demo.demoId === demoId) : undefined;
        },
        waitFor(predicate, timeoutMs = STREAM_WAIT_MS, what = 'a matching message') {
          const found = frames.find((frame) => predicate(frame.message));
          if (found) return Promise.resolve(found.message);
          return new Promise((resolveWait, rejectWait) => {
            let seen = frames.length;
            const timer = setTimeout(() => {
              waiters.delete(check);
              rejectWait(new Error(`No ${what} on the event stream within ${timeoutMs} ms; last frames: ${JSON.stringify(frames.slice(-3).map((f) => f.message)).slice(0, 1500)}`));
            }, timeoutMs);
            const check = (): void => {
              for (; seen < frames.length; seen += 1) {
                const frame = frames[seen] as StreamFrame;
                if (predicate(frame.message)) {
                  clearTimeout(timer);
                  waiters.delete(check);
                  resolveWait(frame.message);
                  return;
                }
              }
              if (ended) {
                clearTimeout(timer);
                waiters.delete(check);
                rejectWait(new Error(`The event stream ended before ${what}`));
              }
            };
            waiters.add(check);
            check();
          });
        },
        close() {
          req.destroy();
          markEnded();
        },
      };
      resolve(client);
    });
    req.end();
  });
}

export function isState(demoId: string, state: StateEvent['state'] | ((state: StateEvent['state']) => boolean)): (message: StreamMessage) => boolean {
  return (message) => message.type === 'state' && message.demoId === demoId && (typeof state === 'function' ? state(message.state) : message.state === state);
}
