// security.md row 8: a page that disconnects mid-stream (network blip, laptop sleep, tab reload)
// never stops the run; reconnecting with Last-Event-ID resumes exactly where it left off, and a
// page too far behind (or a fresh one) gets a snapshot with the state and the output so far.
import { afterEach, expect, test } from 'vitest';
import type { OutputEvent } from '../../../src/shared/index.ts';
import { defineDemo } from '../orchestrator/support/test-manifest.ts';
import { postAction } from './support/api-client.ts';
import { isState, openEventStream } from './support/event-stream-client.ts';
import type { EventStreamClient } from './support/event-stream-client.ts';
import { startLiveHarness } from './support/live-harness.ts';
import type { LiveHarness, LiveHarnessOptions } from './support/live-harness.ts';

let h: LiveHarness | undefined;
const streams: EventStreamClient[] = [];
const TICKS = 60;

async function start(hub?: LiveHarnessOptions['hub']): Promise<LiveHarness> {
  h = await startLiveHarness({
    demos: [
      defineDemo({ id: 'ticks', command: `ticks ${TICKS} 0.02` }),
      defineDemo({ id: 'flood', command: 'flood 2000000' }),
      defineDemo({ id: 'idler', kind: 'daemon', command: 'prints-then-idles "idler prêt"' }),
    ],
    ...(hub && { hub }),
  });
  return h;
}

async function open(harness: LiveHarness, lastEventId?: string): Promise<EventStreamClient> {
  const stream = await openEventStream({ port: harness.port, cookie: harness.cookie, ...(lastEventId !== undefined && { lastEventId }) });
  streams.push(stream);
  expect(stream.status).toBe(200);
  return stream;
}

afterEach(async () => {
  for (const stream of streams.splice(0)) stream.close();
  await h?.close();
  h = undefined;
});

test('a page that disconnects mid-run does not stop it, and resumes exactly where it left off with Last-Event-ID', async () => {
  const harness = await start();
  const observer = await open(harness);
  const page = await open(harness);
  const { runId } = await postAction(harness, 'run', 'ticks');
  await page.waitFor(() => page.output('ticks').includes('tick 10\r\n'), undefined, 'tick 10');
  const seenBefore = page.output('ticks', runId ?? '');
  const lastId = page.lastId;
  page.close();

  const ended = await observer.waitFor(isState('ticks', 'exited'), 20_000, 'ticks exited while the page was away');
  expect(ended).toMatchObject({ exitCode: 0 });

  const resumed = await open(harness, String(lastId));
  await resumed.waitFor(isState('ticks', 'exited'), undefined, 'ticks exited (resumed page)');
  expect(resumed.frames[0]?.id).toBe((lastId ?? 0) + 1);
  expect(resumed.frames.some((frame) => frame.message.type === 'snapshot')).toBe(false);
  const full = observer.output('ticks', runId ?? '');
  expect(seenBefore + resumed.output('ticks', runId ?? '')).toBe(full);
  expect(full).toBe(`${Array.from({ length: TICKS }, (_, i) => `tick ${i + 1}`).join('\r\n')}\r\n`);
  expect(harness.spawns).toHaveLength(1);
});

test('a page too far behind for the resume ring gets a snapshot: final state and the tail of the output', async () => {
  const harness = await start({ ringBytes: 64 * 1024 });
  const observer = await open(harness);
  const page = await open(harness);
  const lastId = page.lastId;
  page.close();
  const { runId } = await postAction(harness, 'run', 'flood');
  await observer.waitFor(isState('flood', 'exited'), 20_000, 'flood exited');

  const back = await open(harness, String(lastId));
  const first = await back.waitFor(() => true, undefined, 'a first frame');
  expect(first.type).toBe('snapshot');
  const snapshot = back.snapshotOf('flood');
  expect(snapshot).toMatchObject({ runId, state: 'exited', exitCode: 0 });
  expect(snapshot?.droppedBytes).toBeGreaterThan(0);
  expect(snapshot?.output.endsWith(`flood-${'0'.repeat(93)}\r\n`)).toBe(true);
  // The resumed stream goes on live after the snapshot.
  const again = await postAction(harness, 'run', 'idler');
  await back.waitFor((message) => message.type === 'state' && message.runId === again.runId && message.state === 'ready', undefined, 'idler ready after the snapshot');
  const outputIds = back.frames.slice(1).map((frame) => frame.id ?? 0);
  expect(outputIds.every((id, index) => index === 0 || id === (outputIds[index - 1] ?? 0) + 1)).toBe(true);
});

test('a Last-Event-ID from the future or not a number gets a snapshot, never a wrong resume', async () => {
  const harness = await start();
  const observer = await open(harness);
  await postAction(harness, 'run', 'idler');
  await observer.waitFor(isState('idler', 'ready'), undefined, 'idler ready');
  for (const lastEventId of ['999999999', 'abc', '-1', '1e3', '']) {
    const page = await open(harness, lastEventId);
    await page.waitFor((message) => message.type === 'snapshot', undefined, `a snapshot for Last-Event-ID "${lastEventId}"`);
    expect(page.frames[0]?.message.type, lastEventId).toBe('snapshot');
    expect(page.snapshotOf('idler')).toMatchObject({ state: 'ready' });
    page.close();
  }
});

test('a reloaded tab gets the running demos with their output so far, and follows them live', async () => {
  const harness = await start();
  const first = await open(harness);
  const { runId } = await postAction(harness, 'run', 'idler');
  await first.waitFor(isState('idler', 'ready'), undefined, 'idler ready');
  await first.waitFor(() => first.output('idler').includes('idler prêt'), undefined, 'idler output');
  first.close();

  const reloaded = await open(harness);
  expect(reloaded.snapshotOf('idler')).toMatchObject({ runId, state: 'ready', source: 'live' });
  expect(reloaded.snapshotOf('idler')?.output).toContain('idler prêt');
  await postAction(harness, 'stop', 'idler');
  const stopped = await reloaded.waitFor(isState('idler', 'exited'), undefined, 'idler exited');
  expect(stopped).toMatchObject({ runId, signal: 'SIGTERM' });
  expect(harness.spawns).toHaveLength(1);
});

test('every output event carries the run id and an ever-increasing time, so a resumed page can tell runs apart', async () => {
  const harness = await start();
  const page = await open(harness);
  const a = await postAction(harness, 'run', 'ticks');
  await page.waitFor((message) => message.type === 'state' && message.runId === a.runId && message.state === 'exited', 20_000, 'first run exited');
  const b = await postAction(harness, 'run', 'ticks');
  await page.waitFor((message) => message.type === 'state' && message.runId === b.runId && message.state === 'exited', 20_000, 'second run exited');
  const outputs = page.frames.map((frame) => frame.message).filter((message): message is OutputEvent => message.type === 'output');
  expect(new Set(outputs.map((event) => event.runId))).toEqual(new Set([a.runId, b.runId]));
  for (const runId of [a.runId, b.runId]) {
    const times = outputs.filter((event) => event.runId === runId).map((event) => event.t);
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(page.output('ticks', runId ?? '')).toContain(`tick ${TICKS}`);
  }
});
