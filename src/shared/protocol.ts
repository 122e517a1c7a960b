// The wire between the server and the pages: what the event stream carries and what the API takes.
import type { DemoEvent, DemoSnapshot } from './events.ts';

/** `live`: the orchestrator runs the demos; `replay`: recordings only, nothing is spawned. */
export type ServerMode = 'live' | 'replay';

export interface SnapshotMessage {
  type: 'snapshot';
  mode: ServerMode;
  demos: DemoSnapshot[];
}

/** The deck was rebuilt: pages reload and re-attach to what is running. */
export interface ReloadMessage {
  type: 'reload';
}

export type StreamMessage = DemoEvent | SnapshotMessage | ReloadMessage;

/** `replay`: play the demo's recording instead (a live demo that failed; nothing is spawned). */
export type DemoAction = 'run' | 'stop' | 'restart' | 'replay';

export const DEMO_ACTIONS: readonly DemoAction[] = ['run', 'stop', 'restart', 'replay'];

/** Body of POST /api/<action>. */
export interface DemoActionRequest {
  id: string;
}

export interface ApiErrorBody {
  error: { code: string; message: string };
}

export interface StateResponse {
  mode: ServerMode;
  demos: DemoSnapshot[];
}

export const API_PATHS = {
  state: '/api/state',
  events: '/api/events',
  stopAll: '/api/stop-all',
  action: (action: DemoAction): string => `/api/${action}`,
} as const;

/** The query parameter carrying the per-start secret in the printed URL. */
export const TOKEN_PARAM = 'token';
