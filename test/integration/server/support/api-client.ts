// The API as the page calls it (right Host, session cookie, JSON), over raw HTTP so that a test can
// change one thing at a time.
import type { DemoSnapshot, StateResponse } from '../../../../src/shared/index.ts';
import { rawRequest } from './raw-http.ts';
import type { RawResponse } from './raw-http.ts';

export interface ServerAddress {
  port: number;
  cookie: string;
}

export function hostOf(server: ServerAddress): string {
  return `127.0.0.1:${server.port}`;
}

export function postJson(server: ServerAddress, path: string, body: unknown, extraHeaders: [string, string][] = []): Promise<RawResponse> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return rawRequest(server.port, {
    method: 'POST',
    path,
    headers: [
      ['Host', hostOf(server)],
      ['Cookie', server.cookie],
      ['Content-Type', 'application/json'],
      ['Content-Length', String(Buffer.byteLength(text))],
      ...extraHeaders,
    ],
    body: text,
  });
}

/** POST /api/<action> {"id": id}; the snapshot it answers with. */
export async function postAction(server: ServerAddress, action: 'run' | 'stop' | 'restart', id: string): Promise<DemoSnapshot> {
  const response = await postJson(server, `/api/${action}`, { id });
  if (response.status !== 200) throw new Error(`POST /api/${action} ${id} answered ${response.status}: ${response.body}`);
  return JSON.parse(response.body) as DemoSnapshot;
}

export async function getState(server: ServerAddress): Promise<StateResponse> {
  const response = await rawRequest(server.port, { path: '/api/state', headers: [['Host', hostOf(server)], ['Cookie', server.cookie]] });
  if (response.status !== 200) throw new Error(`GET /api/state answered ${response.status}: ${response.body}`);
  return JSON.parse(response.body) as StateResponse;
}

export async function getSnapshot(server: ServerAddress, id: string): Promise<DemoSnapshot> {
  const state = await getState(server);
  const snapshot = state.demos.find((demo) => demo.demoId === id);
  if (!snapshot) throw new Error(`No demo ${id} in /api/state`);
  return snapshot;
}

/** The server still answers a plain authenticated request (after a bad one). */
export async function isServing(server: ServerAddress): Promise<boolean> {
  const response = await rawRequest(server.port, { path: '/api/state', headers: [['Host', hostOf(server)], ['Cookie', server.cookie]] });
  return response.status === 200 && response.body.includes('"mode":"live"');
}
