import { describe, expect, it } from 'vitest';
import type { DemoEvent } from '../../../src/shared/index.ts';
import { type Cast, type CastEvent, type CastMeta, createManualReplayClock, createReplay, type ReplayOptions } from '../../../src/recording/index.ts';

function createCast(events: CastEvent[], meta: CastMeta = { demoId: 'etcd', exitCode: 0, signal: null, state: 'exited' }, idleTimeLimit?: number): Cast {
  return {
    header: { version: 2, width: 80, height: 24, demystify: meta, ...(idleTimeLimit === undefined ? {} : { idle_time_limit: idleTimeLimit }) },
    events,
    warnings: [],
    trimmed: false,
  };
}

const o = (t: number, data: string): CastEvent => ({ t, code: 'o', data });
const m = (t: number, data: string): CastEvent => ({ t, code: 'm', data });

function startReplay(cast: Cast, options: Partial<ReplayOptions> = {}) {
  const clock = createManualReplayClock();
  const seen: { atMs: number; event: DemoEvent }[] = [];
  const replay = createReplay(cast, { clock, runId: 'replay-1', wallNow: () => 42, onEvent: (event) => seen.push({ atMs: clock.now(), event }), ...options });
  const outputs = () => seen.filter((entry) => entry.event.type === 'output').map((entry) => [entry.atMs, (entry.event as { data: string }).data]);
  return { clock, replay, seen, outputs };
}

describe('createReplay', () => {
  it('announces the replay, plays output at the recorded times, then reports the recorded exit', async () => {
    const { clock, replay, seen, outputs } = startReplay(createCast([o(0.5, 'a'), o(1.25, 'b'), m(1.5, 'exit 0')]));
    replay.start();
    expect(seen[0]?.event).toEqual({ type: 'state', demoId: 'etcd', runId: 'replay-1', source: 'replay', at: 42, state: 'replaying' });

    clock.advance(499);
    expect(outputs()).toEqual([]);
    clock.advance(1);
    expect(outputs()).toEqual([[500, 'a']]);
    clock.advance(1000);
    expect(outputs()).toEqual([
      [500, 'a'],
      [1250, 'b'],
    ]);
    expect(seen.at(-2)?.event).toMatchObject({ type: 'marker', label: 'exit 0', t: 1.5 });
    expect(seen.at(-1)?.event).toEqual({ type: 'state', demoId: 'etcd', runId: 'replay-1', source: 'replay', at: 42, state: 'exited', exitCode: 0, durationMs: 1500 });
    await expect(replay.done).resolves.toEqual({ reason: 'ended', emittedEvents: 5 });
    expect(replay.status).toBe('ended');
  });

  it('reports failed with the recorded exit code or signal', async () => {
    const failedByCode = startReplay(createCast([o(0.1, 'x'), m(0.2, 'exit 3')], { demoId: 'etcd' }));
    failedByCode.replay.start();
    failedByCode.clock.advance(1000);
    expect(failedByCode.seen.at(-1)?.event).toMatchObject({ state: 'failed', exitCode: 3, code: 'NONZERO_EXIT' });

    const killed = startReplay(createCast([o(0.1, 'x')], { demoId: 'etcd', exitCode: null, signal: 'SIGKILL', state: 'failed' }));
    killed.replay.start();
    killed.clock.advance(1000);
    expect(killed.seen.at(-1)?.event).toMatchObject({ state: 'failed', signal: 'SIGKILL' });
  });

  it('says when the recording was truncated', () => {
    const { clock, replay, seen } = startReplay(createCast([o(0.1, 'x')], { demoId: 'etcd', truncated: true }));
    replay.start();
    clock.advance(200);
    expect(seen.at(-1)?.event).toMatchObject({ state: 'exited', message: expect.stringMatching(/truncated/) });
  });

  it('scales time by the speed factor', () => {
    const { clock, replay, outputs } = startReplay(createCast([o(1, 'a'), o(3, 'b')]), { speed: 4 });
    replay.start();
    clock.advance(249);
    expect(outputs()).toEqual([]);
    clock.advance(1);
    clock.advance(500);
    expect(outputs()).toEqual([
      [250, 'a'],
      [750, 'b'],
    ]);
  });

  it('shortens idle gaps longer than the idle cap, from the option or the header', () => {
    const fromOption = startReplay(createCast([o(1, 'a'), o(61, 'b'), o(61.5, 'c')]), { idleCapS: 2 });
    fromOption.replay.start();
    fromOption.clock.advance(10_000);
    expect(fromOption.outputs()).toEqual([
      [1000, 'a'],
      [3000, 'b'],
      [3500, 'c'],
    ]);

    const fromHeader = startReplay(createCast([o(0, 'a'), o(30, 'b')], undefined, 1));
    fromHeader.replay.start();
    fromHeader.clock.advance(5000);
    expect(fromHeader.outputs()).toEqual([
      [0, 'a'],
      [1000, 'b'],
    ]);
  });

  it('merges output that falls due in the same tick and keeps markers in order', () => {
    const { clock, replay, seen } = startReplay(createCast([o(0.001, 'a'), o(0.002, 'b'), m(0.003, 'ready'), o(0.004, 'c')]), { speed: 1000 });
    replay.start();
    clock.advance(1);
    const kinds = seen.slice(1).map(({ event }) => (event.type === 'output' ? event.data : event.type === 'marker' ? `[${event.label}]` : event.state));
    expect(kinds).toEqual(['ab', '[ready]', 'c', 'exited']);
  });

  it('pauses after a marker when asked, and resumes on the original timeline', async () => {
    const paused: string[] = [];
    const { clock, replay, outputs } = startReplay(createCast([o(0.5, 'before'), m(1, 'ready'), o(1.5, 'after')]), {
      pauseOnMarkers: ['ready'],
      onPause: (marker) => paused.push(marker.label),
    });
    replay.start();
    clock.advance(1000);
    expect(paused).toEqual(['ready']);
    expect(replay.status).toBe('paused');
    clock.advance(60_000);
    expect(outputs()).toEqual([[500, 'before']]);

    replay.resume();
    clock.advance(499);
    expect(outputs()).toHaveLength(1);
    clock.advance(1);
    expect(outputs()).toEqual([
      [500, 'before'],
      [61_500, 'after'],
    ]);
    await expect(replay.done).resolves.toMatchObject({ reason: 'ended' });
  });

  it('pauses and resumes by hand without losing or repeating output', () => {
    const { clock, replay, outputs } = startReplay(createCast([o(1, 'a'), o(2, 'b')]));
    replay.start();
    clock.advance(1500);
    replay.pause();
    clock.advance(10_000);
    expect(outputs()).toEqual([[1000, 'a']]);
    replay.resume();
    clock.advance(500);
    expect(outputs()).toEqual([
      [1000, 'a'],
      [12_000, 'b'],
    ]);
  });

  it('jumps to the end at once, ignoring pauses', async () => {
    const { replay, seen, clock } = startReplay(createCast([o(10, 'a'), m(20, 'ready'), o(30, 'b')]), { pauseOnMarkers: true });
    replay.start();
    replay.seekToEnd();
    expect(seen.map(({ event }) => event.type)).toEqual(['state', 'output', 'marker', 'output', 'state']);
    expect(clock.pendingTimers).toBe(0);
    await expect(replay.done).resolves.toMatchObject({ reason: 'ended' });
  });

  it('stops without a final state and cancels its timer', async () => {
    const { replay, seen, clock } = startReplay(createCast([o(10, 'a')]));
    replay.start();
    replay.stop();
    clock.advance(20_000);
    expect(seen).toHaveLength(1);
    expect(clock.pendingTimers).toBe(0);
    await expect(replay.done).resolves.toEqual({ reason: 'stopped', emittedEvents: 1 });
  });

  it('needs a demo id from the options or the recording', () => {
    expect(() => createReplay(createCast([], {}), { onEvent: () => undefined })).toThrow(/Expected a demo id/);
    expect(createReplay(createCast([], {}), { demoId: 'pki', onEvent: () => undefined }).status).toBe('idle');
  });
});
