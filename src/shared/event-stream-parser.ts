// The event stream's text/event-stream framing, read as EventSource reads it (HTML § 9.2.6: lines
// end with CRLF, LF or CR; `data:` lines join with LF; `id:` sets the last event id; `retry:` the
// reconnection delay; `:` starts a comment; a blank line dispatches). Frames are pulled one at a
// time, so a reader can stop between two of them and give the page its frame.

export interface EventStreamFrame {
  /** The last event id at dispatch (as EventSource's lastEventId), if any was ever set. */
  id: string | undefined;
  /** The event type (`event:`), "message" by default. */
  type: string;
  data: string;
}

export interface EventStreamParser {
  push(text: string): void;
  /** The next complete frame, or undefined until more text arrives. */
  next(): EventStreamFrame | undefined;
  /** The last `retry:` value, in milliseconds. */
  readonly retryMs: number | undefined;
}

export function createEventStreamParser(): EventStreamParser {
  let buffer = '';
  let position = 0;
  /** Index of the next CR at or after `position`, -1 when the buffer has none there. */
  let nextCr = -1;
  let lastEventId: string | undefined;
  let retryMs: number | undefined;
  let type = '';
  let data: string[] = [];

  /** The next whole line, or undefined (a CR at the very end may be the first half of a CRLF). */
  const readLine = (): string | undefined => {
    const lf = buffer.indexOf('\n', position);
    if (nextCr !== -1 && nextCr < position) nextCr = buffer.indexOf('\r', position);
    const cr = nextCr;
    let end: number;
    let next: number;
    if (cr !== -1 && (lf === -1 || cr < lf)) {
      if (cr === buffer.length - 1) return undefined;
      end = cr;
      next = buffer.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
    } else if (lf !== -1) {
      end = lf;
      next = lf + 1;
    } else {
      return undefined;
    }
    const line = buffer.slice(position, end);
    position = next;
    return line;
  };

  const dispatch = (): EventStreamFrame | undefined => {
    const frameType = type || 'message';
    type = '';
    if (data.length === 0) return undefined;
    const frame = { id: lastEventId, type: frameType, data: data.join('\n') };
    data = [];
    return frame;
  };

  const field = (line: string): void => {
    const colon = line.indexOf(':');
    const name = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    if (name === 'data') data.push(value);
    else if (name === 'id') {
      if (!value.includes('\u0000')) lastEventId = value;
    } else if (name === 'retry') {
      if (/^\d+$/.test(value)) retryMs = Number(value);
    } else if (name === 'event') type = value;
  };

  return {
    push(text) {
      if (text.length === 0) return;
      const from = buffer.length - position;
      buffer = position === 0 ? buffer + text : buffer.slice(position) + text;
      position = 0;
      // Look for a CR only in what is new, unless one is already known ahead.
      if (nextCr === -1) {
        const found = text.indexOf('\r');
        nextCr = found === -1 ? -1 : from + found;
      } else {
        nextCr = buffer.indexOf('\r');
      }
    },
    next() {
      for (let line = readLine(); line !== undefined; line = readLine()) {
        if (line.length === 0) {
          const frame = dispatch();
          if (frame) return frame;
        } else if (line.charCodeAt(0) !== 58) {
          field(line);
        }
      }
      return undefined;
    },
    get retryMs() {
      return retryMs;
    },
  };
}
