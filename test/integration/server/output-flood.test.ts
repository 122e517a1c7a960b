// security.md row 10: output floods through the running server (`yes`-like 100 MB, one giant line,
// invalid UTF-8, random bytes): the server's memory stays bounded (its own process, measured in
// /proc), no event ever carries half a character, the runs complete, and the server keeps serving.
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { StreamMessage } from '../../../src/shared/index.ts';
import { waitUntil } from '../orchestrator/support/process-checks.ts';
import { defineDemo } from '../orchestrator/support/test-manifest.ts';
import { getSnapshot, isServing, postAction } from './support/api-client.ts';
import { openEventStream } from './support/event-stream-client.ts';
import { followEvents } from './support/event-follower.ts';
import { readProcessMemory } from './support/process-memory.ts';
import { startServerHost } from './support/start-server-host.ts';
import type { ServerHost } from './support/start-server-host.ts';

/** The bound for the server, whatever the flood size. */
const SERVER_RSS_LIMIT_MIB = 150;
const FLOOD_DEADLINE_MS = 90_000;
const UTF8_REPEATS = 200_000;

let host: ServerHost;

// A fresh server per test: its peak memory (VmHWM) is then this flood's.
beforeEach(async () => {
  host = await startServerHost([
    defineDemo({ id: 'yes-flood', command: 'flood 100000000' }),
    defineDemo({ id: 'giant-line', command: 'giant-line 50000000' }),
    defineDemo({ id: 'invalid-utf8', command: 'binary-output' }),
    defineDemo({ id: 'random-bytes', command: 'head -c 20000000 /dev/urandom; echo; echo END' }),
    defineDemo({ id: 'utf8', command: `utf8-output ${UTF8_REPEATS}` }),
  ]);
});

afterEach(async () => {
  await host?.stop();
});

/** A lone surrogate in a decoded event = a code point split between two events. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

interface FloodResult {
  brokenEvents: number;
  peakMiB: number;
  seconds: number;
  outputBytes: number;
  connections: number;
}

async function runFlood(id: string): Promise<FloodResult> {
  let brokenEvents = 0;
  const follower = await followEvents({
    port: host.port,
    cookie: host.cookie,
    onMessage: (message: StreamMessage) => {
      if (message.type === 'output' && message.demoId === id && LONE_SURROGATE.test(message.data)) brokenEvents += 1;
    },
  });
  try {
    const started = performance.now();
    const { runId } = await postAction(host, 'run', id);
    await waitUntil(() => follower.demo(id)?.runId === runId && follower.demo(id)?.state === 'exited', FLOOD_DEADLINE_MS, `${id} to exit`);
    const seconds = (performance.now() - started) / 1000;
    return { brokenEvents, peakMiB: readProcessMemory(host.pid).peakMiB, seconds, outputBytes: follower.outputBytes, connections: follower.connections };
  } finally {
    follower.close();
  }
}

test('a 100 MB yes-like flood completes with the server under 150 MiB, and the snapshot keeps its last lines', async () => {
  const result = await runFlood('yes-flood');
  console.info(`yes-flood: ${result.seconds.toFixed(1)} s, ${(100 / result.seconds).toFixed(0)} MB/s, server peak ${result.peakMiB.toFixed(0)} MiB, page received ${(result.outputBytes / 1e6).toFixed(0)} MB in ${result.connections} connection(s)`);
  expect(result.peakMiB).toBeLessThanOrEqual(SERVER_RSS_LIMIT_MIB);
  expect(result.brokenEvents).toBe(0);
  const snapshot = await getSnapshot(host, 'yes-flood');
  expect(snapshot).toMatchObject({ state: 'exited', exitCode: 0 });
  expect(snapshot.output.endsWith(`flood-${'0'.repeat(93)}\r\n`)).toBe(true);
  expect(snapshot.droppedBytes + Buffer.byteLength(snapshot.output)).toBe(101_000_000);
  expect(await isServing(host)).toBe(true);
});

test('one 50 MB line completes with the server under 150 MiB', async () => {
  const result = await runFlood('giant-line');
  console.info(`giant-line: ${result.seconds.toFixed(1)} s, server peak ${result.peakMiB.toFixed(0)} MiB`);
  expect(result.peakMiB).toBeLessThanOrEqual(SERVER_RSS_LIMIT_MIB);
  const snapshot = await getSnapshot(host, 'giant-line');
  expect(snapshot).toMatchObject({ state: 'exited', exitCode: 0 });
  expect(snapshot.output.endsWith('xxxx\r\nEND\r\n')).toBe(true);
  expect(Buffer.byteLength(snapshot.output)).toBeLessThanOrEqual(1024 * 1024);
  expect(await isServing(host)).toBe(true);
});

test('random bytes and invalid UTF-8 arrive as valid text, bad bytes as U+FFFD, never half a character', async () => {
  const random = await runFlood('random-bytes');
  console.info(`random-bytes (20 MB): ${random.seconds.toFixed(1)} s, server peak ${random.peakMiB.toFixed(0)} MiB`);
  expect(random.brokenEvents).toBe(0);
  expect(random.peakMiB).toBeLessThanOrEqual(SERVER_RSS_LIMIT_MIB);
  expect((await getSnapshot(host, 'random-bytes')).output.endsWith('\r\nEND\r\n')).toBe(true);

  const page = await openEventStream({ port: host.port, cookie: host.cookie });
  try {
    const { runId } = await postAction(host, 'run', 'invalid-utf8');
    await page.waitFor((message) => message.type === 'state' && message.runId === runId && message.state === 'exited', undefined, 'invalid-utf8 exited');
    expect(page.output('invalid-utf8', runId ?? '')).toBe('a\ufffdb\ufffdc\ufffd\r\nok\r\n');
  } finally {
    page.close();
  }
  expect(await isServing(host)).toBe(true);
});

test('2 MB of multi-byte characters cut at every boundary arrive exactly, none split', async () => {
  const page = await openEventStream({ port: host.port, cookie: host.cookie });
  try {
    const { runId } = await postAction(host, 'run', 'utf8');
    await page.waitFor((message) => message.type === 'state' && message.runId === runId && message.state === 'exited', 30_000, 'utf8 exited');
    const outputs = page.frames.map((frame) => frame.message).filter((message) => message.type === 'output' && message.runId === runId);
    expect(outputs.length).toBeGreaterThan(10);
    for (const event of outputs) expect(event.type === 'output' && (LONE_SURROGATE.test(event.data) || event.data.includes('\ufffd'))).toBe(false);
    expect(page.output('utf8', runId ?? '')).toBe(`${'é€😀 '.repeat(UTF8_REPEATS)}\r\nDONE\r\n`);
  } finally {
    page.close();
  }
});
