// The event stream framing, as EventSource reads it: our server's frames, any split of the text,
// the three line ends, comments, ids, retry, and multi-line data.
import { describe, expect, it } from 'vitest';
import { createEventStreamParser } from '../../../src/shared/event-stream-parser.ts';
import type { EventStreamFrame } from '../../../src/shared/event-stream-parser.ts';

function drain(parser: ReturnType<typeof createEventStreamParser>): EventStreamFrame[] {
  const frames: EventStreamFrame[] = [];
  for (let frame = parser.next(); frame; frame = parser.next()) frames.push(frame);
  return frames;
}

function parseInPieces(text: string, size: number): EventStreamFrame[] {
  const parser = createEventStreamParser();
  const frames: EventStreamFrame[] = [];
  for (let at = 0; at < text.length; at += size) {
    parser.push(text.slice(at, at + size));
    frames.push(...drain(parser));
  }
  return frames;
}

const SERVER_TEXT = 'retry: 1000\n\nid: 1\ndata: {"type":"output","data":"a\\u001b[31mb"}\n\n: keep-alive\n\nid: 2\ndata: {"type":"state"}\n\n';

describe('createEventStreamParser', () => {
  it("reads the server's frames with their ids, whatever the pieces the text arrives in", () => {
    const expected = [
      { id: '1', type: 'message', data: '{"type":"output","data":"a\\u001b[31mb"}' },
      { id: '2', type: 'message', data: '{"type":"state"}' },
    ];
    for (const size of [1, 2, 3, 7, 16, SERVER_TEXT.length]) expect(parseInPieces(SERVER_TEXT, size)).toEqual(expected);
  });

  it('keeps the retry delay', () => {
    const parser = createEventStreamParser();
    parser.push(SERVER_TEXT);
    drain(parser);
    expect(parser.retryMs).toBe(1000);
  });

  it('accepts CRLF, LF and CR line ends, a CRLF split between two pieces included', () => {
    const text = 'data: one\r\n\r\ndata: two\r\rdata: three\n\n';
    for (const size of [1, 2, 5, text.length]) {
      expect(parseInPieces(text, size).map((frame) => frame.data)).toEqual(['one', 'two', 'three']);
    }
  });

  it('joins data lines with LF, keeps the last id for later frames, and names typed events', () => {
    const parser = createEventStreamParser();
    parser.push('id: 7\ndata: first\ndata:second\n\nevent: ping\ndata: x\n\n');
    expect(drain(parser)).toEqual([
      { id: '7', type: 'message', data: 'first\nsecond' },
      { id: '7', type: 'ping', data: 'x' },
    ]);
  });

  it('dispatches nothing for a frame without data, nor for comments, and waits for the blank line', () => {
    const parser = createEventStreamParser();
    parser.push(': comment\n\nid: 3\n\ndata: pending\n');
    expect(drain(parser)).toEqual([]);
    parser.push('\n');
    expect(drain(parser)).toEqual([{ id: '3', type: 'message', data: 'pending' }]);
  });

  it('ignores an id with NUL and a retry that is not a number', () => {
    const parser = createEventStreamParser();
    parser.push('id: 1\nretry: soon\n\nid: 2\u00003\ndata: x\n\n');
    expect(drain(parser)).toEqual([{ id: '1', type: 'message', data: 'x' }]);
    expect(parser.retryMs).toBeUndefined();
  });
});
