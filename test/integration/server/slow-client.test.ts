// security.md row 9: a page that stops reading its event stream (a frozen tab, a saturated link)
// gets nothing past its queue bound; if it drains within the grace period it catches up from a
// snapshot on the same connection, else it is cut off. The run — and every other page — goes on at
// full speed, and the server's memory stays bounded.
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { SLOW_CLIENT_GRACE_MS } from '../../../src/server/index.ts';
import { waitUntil } from '../orchestrator/support/process-checks.ts';
import { defineDemo } from '../orchestrator/support/test-manifest.ts';
import { isServing, postAction } from './support/api-client.ts';
import { followEvents } from './support/event-follower.ts';
import { readProcessMemory } from './support/process-memory.ts';
import { startServerHost } from './support/start-server-host.ts';
import type { ServerHost } from './support/start-server-host.ts';

const SERVER_RSS_LIMIT_MIB = 150;

let host: ServerHost;

beforeAll(async () => {
  host = await startServerHost([
    defineDemo({ id: 'flood', command: 'flood 100000000' }),
    defineDemo({ id: 'flood-small', command: 'flood 1000' }),
    defineDemo({ id: 'endless', command: 'flood 1000000000000' }),
  ]);
});

afterAll(async () => {
  await host?.stop();
});

/**
 * TCP state of one end of a loopback connection (from /proc/net/tcp): '01' established. (A frozen
 * page cannot see the server close: the FIN waits behind the data it does not read. The server's
 * end shows it: FIN_WAIT1 once it closed.)
 */
function readTcpState(localPort: number, remotePort: number): string | undefined {
  const hex = (port: number): string => port.toString(16).toUpperCase().padStart(4, '0');
  for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const [, local, remote, state] = line.trim().split(/\s+/);
    if (local === `0100007F:${hex(localPort)}` && remote === `0100007F:${hex(remotePort)}`) return state;
  }
  return undefined;
}

interface FrozenPage {
  socket: Socket;
  /** Stops pretending to be frozen; resolves with what it then reads until the server closed it. */
  thaw(timeoutMs: number): Promise<{ text: string; closedByServer: boolean }>;
}

/** A page whose event stream stops being read as soon as the server accepted it. */
function openFrozenPage(): Promise<FrozenPage> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port: host.port });
    const chunks: Buffer[] = [];
    let closed = false;
    socket.on('close', () => (closed = true));
    socket.on('error', () => undefined);
    socket.once('data', (chunk) => {
      chunks.push(chunk);
      const head = chunk.toString('latin1');
      if (!head.startsWith('HTTP/1.1 200')) return reject(new Error(`event stream refused: ${head.slice(0, 200)}`));
      socket.pause();
      resolve({
        socket,
        thaw: (timeoutMs) =>
          new Promise((done) => {
            const timer = setTimeout(() => {
              socket.destroy();
              done({ text: Buffer.concat(chunks).toString('utf8'), closedByServer: false });
            }, timeoutMs);
            const finish = (): void => {
              clearTimeout(timer);
              done({ text: Buffer.concat(chunks).toString('utf8'), closedByServer: true });
            };
            if (closed) return finish();
            socket.on('data', (more) => chunks.push(more));
            socket.on('close', finish);
            socket.resume();
          }),
      });
    });
    socket.write(`GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nCookie: ${host.cookie}\r\nAccept: text/event-stream\r\n\r\n`);
  });
}

test('a page that stops reading during an endless flood is cut off after the grace period; the run and the other pages go on, memory bounded', async () => {
  const frozen = await openFrozenPage();
  const follower = await followEvents({ port: host.port, cookie: host.cookie });
  try {
    const { runId } = await postAction(host, 'run', 'endless');
    const localPort = frozen.socket.localPort ?? 0;
    await waitUntil(() => readTcpState(host.port, localPort) !== '01', SLOW_CLIENT_GRACE_MS + 30_000, 'the server to cut the frozen page off');
    const whenCut = follower.outputBytes;
    await waitUntil(() => follower.outputBytes > whenCut + 20_000_000, 30_000, 'the run to go on after the cut (20 MB more)');
    const memory = readProcessMemory(host.pid);
    console.info(`frozen page cut off; the other page got ${(follower.outputBytes / 1e6).toFixed(0)} MB in ${follower.connections} connection(s); server peak ${memory.peakMiB.toFixed(0)} MiB`);
    expect(memory.peakMiB).toBeLessThanOrEqual(SERVER_RSS_LIMIT_MIB);
    expect(await postAction(host, 'stop', 'endless')).toMatchObject({ runId, state: 'exited' });

    const { text, closedByServer } = await frozen.thaw(15_000);
    expect(closedByServer, 'the server closed the frozen page').toBe(true);
    expect(text).toContain('"type":"output"');
    expect(text, 'the frozen page never got the end of the run').not.toContain(`"runId":"${runId}","state":"exited"`);
    expect(Buffer.byteLength(text)).toBeLessThan(60 * 1024 * 1024);
    expect(await isServing(host)).toBe(true);
  } finally {
    follower.close();
    frozen.socket.destroy();
  }
});

test('a page that falls behind for a moment catches up from a snapshot on the same connection', async () => {
  const page = await openFrozenPage();
  const follower = await followEvents({ port: host.port, cookie: host.cookie });
  try {
    const { runId } = await postAction(host, 'run', 'flood');
    await waitUntil(() => follower.demo('flood')?.runId === runId && follower.demo('flood')?.state === 'exited', 90_000, 'the flood to end');
    const localPort = page.socket.localPort ?? 0;
    expect(readTcpState(host.port, localPort), 'still connected within the grace period').toBe('01');
    // It reads again: what was queued, then a snapshot where the flood has ended, on the same connection.
    const received: Buffer[] = [];
    page.socket.on('data', (chunk) => received.push(chunk));
    page.socket.resume();
    await waitUntil(() => Buffer.concat(received).toString('latin1').includes('"type":"snapshot"'), 15_000, 'a snapshot after the backlog');
    const text = Buffer.concat(received).toString('utf8');
    const snapshot = text.slice(text.lastIndexOf('"type":"snapshot"'));
    expect(snapshot).toContain(`"runId":"${runId}","state":"exited"`);
    const again = await postAction(host, 'run', 'flood-small');
    await waitUntil(() => Buffer.concat(received).toString('utf8').includes(`"runId":"${again.runId}","state":"exited"`), 15_000, 'the next run live on the same connection');
    expect(readTcpState(host.port, localPort)).toBe('01');
  } finally {
    follower.close();
    page.socket.destroy();
  }
});
