import { PassThrough } from 'node:stream';
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createEventHub } from '../../../src/server/event-hub.ts';
import type { StreamMessage } from '../../../src/shared/index.ts';

/** A writable that stands in for an HTTP response and keeps what the page would receive. */
function createPage(highWaterMark = 16 * 1024) {
  const stream = new PassThrough({ highWaterMark });
  let text = '';
  const response = Object.assign(stream, { writeHead: () => response }) as unknown as ServerResponse & PassThrough;
  return {
    response,
    read(): string {
      let chunk: Buffer | null;
      while ((chunk = stream.read() as Buffer | null) !== null) text += chunk.toString();
      return text;
    },
    messages(): StreamMessage[] {
      return [...this.read().matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1] as string) as StreamMessage);
    },
  };
}

const output = (i: number): StreamMessage => ({ type: 'output', demoId: 'etcd', runId: 'r1', t: i, data: `line ${i}\r\n` });
const takeSnapshot = () => ({ type: 'snapshot' as const, mode: 'live' as const, demos: [] });

describe('event hub', () => {
  it('starts a new page with a snapshot, then streams events in order', () => {
    const hub = createEventHub({ takeSnapshot });
    const page = createPage();
    hub.publish(output(1));
    hub.attach(page.response, undefined);
    hub.publish(output(2));
    expect(page.messages().map((m) => m.type)).toEqual(['snapshot', 'output']);
    hub.close();
  });

  it('resumes a reconnecting page from Last-Event-ID with exactly what it missed', () => {
    const hub = createEventHub({ takeSnapshot });
    for (let i = 1; i <= 10; i++) hub.publish(output(i));
    const page = createPage();
    hub.attach(page.response, '7');
    expect(page.messages().map((m) => (m.type === 'output' ? m.t : m.type))).toEqual([8, 9, 10]);
    hub.close();
  });

  it('sends a snapshot instead when the page fell behind the ring', () => {
    const hub = createEventHub({ takeSnapshot, ringBytes: 500 });
    for (let i = 1; i <= 100; i++) hub.publish(output(i));
    const page = createPage();
    hub.attach(page.response, '3');
    expect(page.messages().map((m) => m.type)).toEqual(['snapshot']);
    hub.close();
  });

  it('cuts off a page that stops reading, without blocking the producer', () => {
    const hub = createEventHub({ takeSnapshot, clientQueueBytes: 64 * 1024 });
    const slow = createPage(1024);
    const fast = createPage();
    hub.attach(slow.response, undefined);
    hub.attach(fast.response, undefined);
    for (let i = 0; i < 5000; i++) {
      hub.publish(output(i));
      fast.read();
    }
    expect(slow.response.destroyed).toBe(true);
    expect(hub.clientCount).toBe(1);
    expect(fast.messages().filter((m) => m.type === 'output')).toHaveLength(5000);
    hub.close();
  });

  it('refuses more pages than its limit', () => {
    const hub = createEventHub({ takeSnapshot, maxClients: 2 });
    expect(hub.attach(createPage().response, undefined)).toBe(true);
    expect(hub.attach(createPage().response, undefined)).toBe(true);
    expect(hub.attach(createPage().response, undefined)).toBe(false);
    hub.close();
  });
});
