// The page's event stream reader: frames in order, resume with Last-Event-ID after a cut, a restarted
// server named, a pause for the page's frame once its budget is spent, and nothing after close.
import { describe, expect, it } from 'vitest';
import { connectEventStream, INTAKE_BUDGET_MS, RECONNECT_DELAY_MS } from '../../../src/client/live-connection.ts';
import type { EventStreamEnvironment } from '../../../src/client/live-connection.ts';
import type { StreamMessage } from '../../../src/shared/index.ts';

interface FakeServer {
  environment: EventStreamEnvironment;
  /** Headers of each request, in order. */
  requests: Headers[];
  /** Writes text into the current stream. */
  send(text: string): void;
  /** Ends the current stream (the server went away). */
  end(): void;
  log: string[];
  fireTimers(): void;
  clock: { ms: number };
}

function fakeServer(options: { status?: number; costPerMessageMs?: number } = {}): FakeServer {
  const requests: Headers[] = [];
  const log: string[] = [];
  const clock = { ms: 0 };
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let timers: (() => void)[] = [];
  const encoder = new TextEncoder();
  const environment: EventStreamEnvironment = {
    fetch: async (_input, init) => {
      requests.push(new Headers(init?.headers));
      if (options.status !== undefined) return new Response('no', { status: options.status });
      const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
      init?.signal?.addEventListener('abort', () => {
        log.push('aborted');
        controller?.error(new Error('aborted'));
      });
      return new Response(body, { status: 200 });
    },
    now: () => clock.ms,
    afterNextFrame: async () => {
      log.push('frame');
    },
    setTimeout: (callback, ms) => {
      log.push(`timer ${ms}`);
      timers.push(callback);
      return timers.length;
    },
    clearTimeout: () => undefined,
  };
  return {
    environment,
    requests,
    log,
    clock,
    send: (text) => {
      try {
        controller?.enqueue(encoder.encode(text));
      } catch {
        // The page dropped this stream.
      }
    },
    end: () => controller?.close(),
    fireTimers: () => {
      const due = timers;
      timers = [];
      for (const callback of due) callback();
    },
  };
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10));
const frame = (id: number, message: object): string => `id: ${id}\ndata: ${JSON.stringify(message)}\n\n`;

function follow(server: FakeServer, costPerMessageMs = 0) {
  const messages: StreamMessage[] = [];
  const connection = connectEventStream(
    {
      onMessage: (message) => {
        messages.push(message);
        server.log.push(`message ${(message as { demoId?: string }).demoId ?? message.type}`);
        server.clock.ms += costPerMessageMs;
      },
      onConnected: () => server.log.push('connected'),
      onLost: (reason) => server.log.push(reason === 'secret' ? 'lost (secret)' : 'lost'),
    },
    server.environment,
  );
  return { messages, connection };
}

describe('connectEventStream', () => {
  it('delivers the frames in order, starting fresh (no Last-Event-ID)', async () => {
    const server = fakeServer();
    const { messages } = follow(server);
    await settle();
    server.send(frame(1, { type: 'state', demoId: 'etcd' }) + ': keep-alive\n\nid: 2\ndata: {"type":"output",');
    server.send('"demoId":"etcd","data":"x"}\n\n');
    await settle();
    expect(server.requests[0]?.get('Last-Event-ID')).toBeNull();
    expect(server.requests[0]?.get('Accept')).toBe('text/event-stream');
    expect(messages).toEqual([
      { type: 'state', demoId: 'etcd' },
      { type: 'output', demoId: 'etcd', data: 'x' },
    ]);
    expect(server.log[0]).toBe('connected');
  });

  it('says the connection is lost when the stream ends, and resumes from the last id after the retry delay', async () => {
    const server = fakeServer();
    follow(server);
    await settle();
    server.send('retry: 2500\n\n' + frame(41, { type: 'state', demoId: 'a' }) + frame(42, { type: 'state', demoId: 'b' }));
    await settle();
    server.end();
    await settle();
    expect(server.log.slice(-2)).toEqual(['lost', 'timer 2500']);
    server.fireTimers();
    await settle();
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.get('Last-Event-ID')).toBe('42');
    expect(server.log.at(-1)).toBe('connected');
  });

  it('says when the server refuses the secret (it restarted), and keeps trying', async () => {
    const server = fakeServer({ status: 401 });
    follow(server);
    await settle();
    expect(server.log).toEqual(['lost (secret)', `timer ${RECONNECT_DELAY_MS}`]);
  });

  it('retries a refused stream after the default delay', async () => {
    const server = fakeServer({ status: 403 });
    follow(server);
    await settle();
    expect(server.log).toEqual(['lost', `timer ${RECONNECT_DELAY_MS}`]);
  });

  it('lets the page draw a frame once it has spent its budget on incoming frames', async () => {
    const server = fakeServer();
    const cost = INTAKE_BUDGET_MS / 2;
    follow(server, cost);
    await settle();
    server.send([1, 2, 3, 4, 5].map((n) => frame(n, { type: 'state', demoId: `m${n}` })).join(''));
    await settle();
    expect(server.log.filter((entry) => entry !== 'connected')).toEqual(['message m1', 'message m2', 'frame', 'message m3', 'message m4', 'frame', 'message m5']);
  });

  it('delivers nothing and never reconnects after close()', async () => {
    const server = fakeServer();
    const { messages, connection } = follow(server);
    await settle();
    connection.close();
    server.send(frame(1, { type: 'state', demoId: 'a' }));
    await settle();
    expect(messages).toEqual([]);
    expect(server.log).toEqual(['connected', 'aborted']);
  });
});
