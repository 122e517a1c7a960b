import { describe, expect, it } from 'vitest';
import { createOutputCoalescer } from '../../../../src/orchestrator/output/index.ts';

function createHarness(flushBytes = 64 * 1024) {
  const flushed: string[] = [];
  const immediate: (() => void)[] = [];
  const delayed: { callback: () => void; ms: number }[] = [];
  let time = 0;
  const coalescer = createOutputCoalescer({
    onFlush: (text) => flushed.push(text),
    flushBytes,
    schedule: (callback) => immediate.push(callback),
    delay: (callback, ms) => delayed.push({ callback, ms }),
    clock: () => time,
  });
  return {
    coalescer,
    flushed,
    immediate,
    delayed,
    advance: (ms: number) => void (time += ms),
    runImmediate: () => immediate.splice(0).forEach((callback) => callback()),
  };
}

describe('createOutputCoalescer', () => {
  it('never emits half a code point when a character is cut between reads', () => {
    const { coalescer, flushed, runImmediate, advance } = createHarness();
    const bytes = Buffer.from('é€😀', 'utf8');
    for (const byte of bytes) {
      coalescer.push(Uint8Array.of(byte));
      runImmediate();
      advance(10);
    }
    expect(flushed).toEqual(['é', '€', '😀']);
  });

  it('sends the first text of a quiet stream on the next turn of the event loop', () => {
    const { coalescer, flushed, immediate, runImmediate } = createHarness();
    coalescer.push('a');
    coalescer.push('b');
    expect(flushed).toEqual([]);
    expect(immediate).toHaveLength(1);
    runImmediate();
    expect(flushed).toEqual(['ab']);
  });

  it('spaces flushes during a burst instead of one event per read', () => {
    const { coalescer, flushed, delayed, runImmediate, advance } = createHarness();
    coalescer.push('one');
    runImmediate();
    advance(1);
    coalescer.push('two');
    coalescer.push('three');
    expect(delayed).toEqual([{ callback: expect.any(Function), ms: 4 }]);
    delayed[0]!.callback();
    expect(flushed).toEqual(['one', 'twothree']);
  });

  it('flushes at once when the pending bytes reach the threshold', () => {
    const { coalescer, flushed } = createHarness(8);
    coalescer.push('1234');
    expect(flushed).toEqual([]);
    coalescer.push('5678');
    expect(flushed).toEqual(['12345678']);
  });

  it('end() flushes what is pending, an incomplete character as U+FFFD, and ignores later pushes', () => {
    const { coalescer, flushed } = createHarness();
    coalescer.push(Uint8Array.of(0x61, 0xe2, 0x82));
    coalescer.end();
    coalescer.push('late');
    expect(flushed).toEqual(['a\uFFFD']);
  });
});
