// One multiplexed event stream per page (SSE). Every event gets a sequence number and is kept in a
// ring bounded in bytes, so a page that reconnects with Last-Event-ID gets what it missed, or a
// snapshot when it fell too far behind. A slow page gets nothing past its queue bound: if it drains
// in time it gets a snapshot and goes on live, else it is cut off (it reconnects and catches up).
// The producer — the run — is never blocked, and memory stays bounded.
import type { ServerResponse } from 'node:http';
import type { SnapshotMessage, StreamMessage } from '../shared/index.ts';
import { createFrameRing } from './frame-ring.ts';

export interface EventHubOptions {
  /** Bytes of recent frames kept for resuming. */
  ringBytes?: number;
  /** Bytes a page may have pending in its socket; past them it gets nothing more until it drains. */
  clientQueueBytes?: number;
  /**
   * How long a page that fell behind may take to drain its queue: then it gets a snapshot and
   * follows live again on the same connection; past this it is cut off. 0: cut off at once.
   */
  slowClientGraceMs?: number;
  maxClients?: number;
  heartbeatMs?: number;
  takeSnapshot: () => SnapshotMessage;
}

export interface EventHub {
  publish(message: StreamMessage): void;
  /** false when the client limit is reached. */
  attach(response: ServerResponse, lastEventId: string | undefined): boolean;
  readonly clientCount: number;
  close(): void;
}

// A flood fills both (the ring for good, each page's queue while it lags): they are part of the
// server's memory during one. 2 MiB of frames covers a page's reconnection on a quiet stream; a flood
// outruns any ring, and a snapshot serves then. 2 MiB queued is ~60 ms of a page's reading speed.
export const DEFAULT_RING_BYTES = 2 * 1024 * 1024;
export const DEFAULT_CLIENT_QUEUE_BYTES = 2 * 1024 * 1024;
export const DEFAULT_MAX_CLIENTS = 32;

export function createEventHub(options: EventHubOptions): EventHub {
  const ringBytes = options.ringBytes ?? DEFAULT_RING_BYTES;
  const clientQueueBytes = options.clientQueueBytes ?? DEFAULT_CLIENT_QUEUE_BYTES;
  const maxClients = options.maxClients ?? DEFAULT_MAX_CLIENTS;
  const slowClientGraceMs = options.slowClientGraceMs ?? 0;
  const clients = new Set<ServerResponse>();
  /** Pages that fell behind, until they drain (then a snapshot) or their grace ends (then cut off). */
  const behind = new Map<ServerResponse, NodeJS.Timeout>();
  const ring = createFrameRing(ringBytes);
  let seq = 0;

  const frameOf = (id: number, message: StreamMessage): string => `id: ${id}\ndata: ${JSON.stringify(message)}\n\n`;

  const cutOff = (client: ServerResponse): void => {
    clearTimeout(behind.get(client));
    behind.delete(client);
    clients.delete(client);
    client.destroy();
  };

  const send = (client: ServerResponse, text: string | Buffer): void => {
    if (behind.has(client)) return;
    if (client.writableLength <= clientQueueBytes) {
      client.write(text);
      return;
    }
    if (slowClientGraceMs <= 0) return cutOff(client);
    // Skip what it cannot take; once its queue drained, a snapshot says where everything is now.
    behind.set(client, setTimeout(() => cutOff(client), slowClientGraceMs));
    client.once('drain', () => {
      if (!behind.has(client)) return;
      clearTimeout(behind.get(client));
      behind.delete(client);
      client.write(frameOf(seq, options.takeSnapshot()));
    });
  };

  const heartbeat = setInterval(() => {
    for (const client of clients) send(client, ': keep-alive\n\n');
  }, options.heartbeatMs ?? 15_000);
  heartbeat.unref();

  return {
    publish(message) {
      seq += 1;
      // Encoded once for the ring and every page: no string per page waits in a socket's queue.
      const frame = Buffer.from(frameOf(seq, message), 'utf8');
      ring.push(seq, frame);
      for (const client of clients) send(client, frame);
    },
    attach(response, lastEventId) {
      if (clients.size >= maxClients) return false;
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      response.write('retry: 1000\n\n');
      const last = lastEventId !== undefined && /^\d{1,15}$/.test(lastEventId) ? Number(lastEventId) : undefined;
      const oldest = ring.oldestSeq() ?? seq + 1;
      if (last !== undefined && last <= seq && last >= oldest - 1) {
        for (const frame of ring.framesAfter(last)) response.write(frame);
      } else {
        response.write(frameOf(seq, options.takeSnapshot()));
      }
      clients.add(response);
      response.on('close', () => {
        clearTimeout(behind.get(response));
        behind.delete(response);
        clients.delete(response);
      });
      return true;
    },
    get clientCount() {
      return clients.size;
    },
    close() {
      clearInterval(heartbeat);
      for (const timer of behind.values()) clearTimeout(timer);
      behind.clear();
      for (const client of clients) client.end();
      clients.clear();
    },
  };
}
