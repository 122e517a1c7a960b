// HTTP as an attacker writes it: bytes on a TCP socket (node:net), so that nothing normalises the
// Host header, the method, the path or the body the way fetch would. One request per connection.
import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
  /** Everything the server sent, headers included. */
  raw: string;
}

export interface RawRequest {
  method?: string;
  path?: string;
  /** Sent exactly as given, in order (no Host is added: pass it). */
  headers?: [string, string][];
  body?: string | Buffer;
}

export const RAW_TIMEOUT_MS = 10_000;

export function parseRawResponse(raw: Buffer): RawResponse {
  const text = raw.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  const head = end < 0 ? text : text.slice(0, end);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
  }
  let bodyBytes = end < 0 ? Buffer.alloc(0) : raw.subarray(Buffer.byteLength(text.slice(0, end + 4), 'latin1'));
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) bodyBytes = decodeChunked(bodyBytes);
  return { status, headers, body: bodyBytes.toString('utf8'), raw: raw.toString('utf8') };
}

function decodeChunked(bytes: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const lineEnd = bytes.indexOf('\r\n', offset, 'latin1');
    if (lineEnd < 0) break;
    const size = Number.parseInt(bytes.subarray(offset, lineEnd).toString('latin1'), 16);
    if (!(size > 0)) break;
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** Writes `bytes` to 127.0.0.1:port and reads until the server closes the connection. */
export function sendRaw(port: number, bytes: string | Buffer, timeoutMs = RAW_TIMEOUT_MS): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`No complete answer within ${timeoutMs} ms; got: ${Buffer.concat(chunks).toString('latin1').slice(0, 300)}`));
    }, timeoutMs);
    const finish = (): void => {
      clearTimeout(timer);
      if (chunks.length === 0) reject(new Error('The server closed the connection without answering.'));
      else resolve(parseRawResponse(Buffer.concat(chunks)));
    };
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('close', finish);
    // The server may answer and close before it read all we sent (413 on a declared length).
    socket.on('error', () => undefined);
    socket.write(bytes);
  });
}

/** Builds the request bytes exactly as told, `Connection: close` last. */
export function formatRawRequest({ method = 'GET', path = '/', headers = [], body }: RawRequest): Buffer {
  const lines = [`${method} ${path} HTTP/1.1`, ...headers.map(([name, value]) => `${name}: ${value}`), 'Connection: close', '', ''];
  const head = Buffer.from(lines.join('\r\n'), 'latin1');
  return body === undefined ? head : Buffer.concat([head, typeof body === 'string' ? Buffer.from(body, 'utf8') : body]);
}

export function rawRequest(port: number, request: RawRequest): Promise<RawResponse> {
  return sendRaw(port, formatRawRequest(request));
}
