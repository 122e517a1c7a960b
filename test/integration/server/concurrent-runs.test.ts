// security.md row 7: two windows clicking Run at once, a double click, 100 concurrent runs of one
// demo → exactly one process; every caller joins its stream.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { defineDemo } from '../orchestrator/support/test-manifest.ts';
import { postAction, postJson } from './support/api-client.ts';
import { isState, openEventStream } from './support/event-stream-client.ts';
import type { EventStreamClient } from './support/event-stream-client.ts';
import { startLiveHarness } from './support/live-harness.ts';
import type { LiveHarness } from './support/live-harness.ts';

let h: LiveHarness;
const streams: EventStreamClient[] = [];

beforeEach(async () => {
  h = await startLiveHarness({
    demos: [
      defineDemo({ id: 'idler', kind: 'daemon', command: 'prints-then-idles "idler prêt" "deuxième ligne"', ready: { type: 'log', pattern: 'deuxième' } }),
      defineDemo({ id: 'ticks', command: 'ticks 40 0.01' }),
    ],
  });
});

afterEach(async () => {
  for (const stream of streams.splice(0)) stream.close();
  await h?.close();
});

async function openWindow(): Promise<EventStreamClient> {
  const stream = await openEventStream({ port: h.port, cookie: h.cookie });
  streams.push(stream);
  expect(stream.status).toBe(200);
  return stream;
}

test('two windows clicking Run at once start one process, and both show its output', async () => {
  const [audience, presenter] = [await openWindow(), await openWindow()];
  const [a, b] = await Promise.all([postAction(h, 'run', 'ticks'), postAction(h, 'run', 'ticks')]);
  expect(a.runId).not.toBeNull();
  expect(b.runId).toBe(a.runId);
  await audience.waitFor(isState('ticks', 'exited'), undefined, 'ticks exited (audience)');
  await presenter.waitFor(isState('ticks', 'exited'), undefined, 'ticks exited (presenter)');
  expect(h.spawns.map((spawn) => spawn.demoId)).toEqual(['ticks']);
  const expected = Array.from({ length: 40 }, (_, i) => `tick ${i + 1}`).join('\r\n');
  expect(audience.output('ticks', a.runId ?? '')).toContain(expected);
  expect(presenter.output('ticks', a.runId ?? '')).toBe(audience.output('ticks', a.runId ?? ''));
});

test('a double click starts one process', async () => {
  const stream = await openWindow();
  const first = postAction(h, 'run', 'idler');
  const second = postAction(h, 'run', 'idler');
  const [a, b] = await Promise.all([first, second]);
  expect(b.runId).toBe(a.runId);
  await stream.waitFor(isState('idler', 'ready'), undefined, 'idler ready');
  expect(await postAction(h, 'run', 'idler')).toMatchObject({ runId: a.runId, state: 'ready' });
  expect(h.spawns).toHaveLength(1);
  expect(stream.states('idler').filter((event) => event.state === 'starting')).toHaveLength(1);
});

test('100 concurrent runs of one demo start exactly one process and all answer with its run', async () => {
  const stream = await openWindow();
  const responses = await Promise.all(Array.from({ length: 100 }, () => postJson(h, '/api/run', { id: 'idler' })));
  const statuses = new Set(responses.map((response) => response.status));
  expect([...statuses]).toEqual([200]);
  const runIds = new Set(responses.map((response) => (JSON.parse(response.body) as { runId: string }).runId));
  expect(runIds.size).toBe(1);
  await stream.waitFor(isState('idler', 'ready'), undefined, 'idler ready');
  expect(h.spawns).toEqual([{ demoId: 'idler', pid: expect.any(Number) }]);
  expect(stream.output('idler')).toContain('idler prêt');
  // A window opened later joins the same run: its snapshot has the output so far.
  const late = await openWindow();
  const snapshot = late.snapshotOf('idler');
  expect(snapshot).toMatchObject({ runId: [...runIds][0], state: 'ready' });
  expect(snapshot?.output).toContain('idler prêt');
});

test('100 concurrent runs of a command that is still running join it, then Run again starts a new one', async () => {
  const stream = await openWindow();
  const responses = await Promise.all(Array.from({ length: 100 }, () => postAction(h, 'run', 'ticks')));
  expect(new Set(responses.map((snapshot) => snapshot.runId)).size).toBe(1);
  await stream.waitFor(isState('ticks', 'exited'), undefined, 'ticks exited');
  expect(h.spawns).toHaveLength(1);
  const again = await postAction(h, 'run', 'ticks');
  expect(again.runId).not.toBe(responses[0]?.runId);
  await stream.waitFor((message) => message.type === 'state' && message.runId === again.runId && message.state === 'exited', undefined, 'second ticks exited');
  expect(h.spawns).toHaveLength(2);
});
