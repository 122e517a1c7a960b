import { describe, expect, it } from 'vitest';
import { createStreamPacer } from '../../../src/client/stream-pacer.ts';
import type { StreamMessage } from '../../../src/shared/index.ts';

const output = (data: string, runId = 'r1'): StreamMessage => ({ type: 'output', demoId: 'flood', runId, t: 0, data });
const state = (value: 'starting' | 'exited'): StreamMessage => ({ type: 'state', demoId: 'flood', runId: 'r1', state: value, source: 'live', at: 0 });

/** A pacer on a fake clock (each applied message costs `costMs`) and frames run by hand. */
function setup(costMs = 1) {
  let clock = 0;
  const frames: (() => void)[] = [];
  const applied: StreamMessage[] = [];
  let slices = 0;
  let behind = 0;
  const pacer = createStreamPacer({
    apply: (message) => {
      applied.push(message);
      clock += costMs;
    },
    afterSlice: () => (slices += 1),
    onBehind: () => (behind += 1),
    sliceBudgetMs: 8,
    maxQueuedChars: 1000,
    immediateChars: 10,
    now: () => clock,
    requestFrame: (callback) => void frames.push(callback),
  });
  const runFrame = (): void => frames.shift()?.();
  return { pacer, applied, frames, runFrame, counts: () => ({ slices, behind }) };
}

describe('stream pacer', () => {
  it('applies small messages at once when nothing is queued, so the first byte shows without delay', () => {
    const { pacer, applied, frames } = setup();
    pacer.push(state('starting'));
    pacer.push(output('hello'));
    expect(applied).toHaveLength(2);
    expect(frames).toHaveLength(0);
  });

  it('queues a burst and applies it in order, a few milliseconds per frame', () => {
    const { pacer, applied, runFrame, counts } = setup();
    const burst = Array.from({ length: 20 }, (_, i) => output(`chunk-number-${String(i).padStart(3, '0')}`));
    for (const message of burst) pacer.push(message);
    pacer.push(state('exited'));
    expect(applied).toHaveLength(0);
    runFrame();
    expect(applied).toHaveLength(8);
    runFrame();
    runFrame();
    expect(applied).toEqual([...burst, state('exited')]);
    expect(counts().slices).toBe(3);
    expect(pacer.queuedChars).toBe(0);
  });

  it('keeps order: a small message behind a queued burst waits its turn', () => {
    const { pacer, applied, runFrame } = setup();
    pacer.push(output('x'.repeat(50)));
    pacer.push(output('y'));
    expect(applied).toHaveLength(0);
    runFrame();
    expect(applied.map((message) => (message.type === 'output' ? message.data : ''))).toEqual(['x'.repeat(50), 'y']);
  });

  it('drops what is queued before a snapshot, which supersedes it', () => {
    const { pacer, applied, runFrame } = setup();
    for (let i = 0; i < 5; i++) pacer.push(output('z'.repeat(100)));
    const snapshot: StreamMessage = { type: 'snapshot', mode: 'live', demos: [] };
    pacer.push(snapshot);
    runFrame();
    expect(applied).toEqual([snapshot]);
  });

  it('falls back to a snapshot when too far behind: drops the queue and asks for a fresh stream', () => {
    const { pacer, applied, runFrame, counts } = setup();
    for (let i = 0; i < 12; i++) pacer.push(output('w'.repeat(100)));
    expect(counts().behind).toBe(1);
    expect(pacer.queuedChars).toBeLessThanOrEqual(1000);
    runFrame();
    expect(applied.length).toBeLessThan(12);
  });

  it('passes a reload on at once', () => {
    const { pacer, applied } = setup();
    pacer.push(output('q'.repeat(100)));
    pacer.push({ type: 'reload' });
    expect(applied).toEqual([{ type: 'reload' }]);
  });
});
