import { describe, expect, it } from 'vitest';
import { createOutputTail } from '../../../../src/orchestrator/output/index.ts';

describe('createOutputTail', () => {
  it('keeps everything under the bound', () => {
    const tail = createOutputTail(100);
    tail.append('hello ');
    tail.append('world');
    expect(tail.text()).toBe('hello world');
    expect(tail.droppedBytes).toBe(0);
  });

  it('drops from the head past the bound and counts the bytes dropped', () => {
    const tail = createOutputTail(10_000);
    const piece = 'x'.repeat(9_000);
    for (let index = 0; index < 50; index += 1) tail.append(`${piece}\n`);
    expect(tail.retainedBytes).toBeLessThanOrEqual(10_000);
    expect(tail.retainedBytes + tail.droppedBytes).toBe(50 * 9_001);
    expect(Buffer.byteLength(tail.text())).toBe(tail.retainedBytes);
  });

  it('cuts a piece larger than the bound at a code point boundary', () => {
    const tail = createOutputTail(10);
    tail.append('€'.repeat(10));
    expect(tail.text()).toBe('€€€');
    expect(tail.droppedBytes).toBe(21);
  });

  it('merges a trickle of tiny pieces instead of keeping one object per write', () => {
    const tail = createOutputTail(1024 * 1024);
    for (let index = 0; index < 10_000; index += 1) tail.append('.');
    expect(tail.text()).toBe('.'.repeat(10_000));
  });

  it('gives the last lines as a reader sees them', () => {
    const tail = createOutputTail(1024);
    tail.append('one\r\n\u001b[31mtwo\u001b[0m\r\n\r\n10%\r100%\r\n');
    expect(tail.lastLines(2)).toEqual(['two', '100%']);
  });
});
