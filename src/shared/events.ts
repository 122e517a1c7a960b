// One event vocabulary, end to end: orchestrator → server (SSE) → client, recorder and replay.
// An `output` event is the asciicast v2 `[time, "o", data]` tuple with the run's identity added;
// a `marker` is the asciicast `[time, "m", label]` tuple.

export type DemoState = 'idle' | 'starting' | 'running' | 'ready' | 'exited' | 'failed' | 'replaying';

export const DEMO_STATES: readonly DemoState[] = ['idle', 'starting', 'running', 'ready', 'exited', 'failed', 'replaying'];

/** Where a run's bytes come from: a live process, or a recording played back. */
export type RunSource = 'live' | 'replay';

export interface OutputEvent {
  type: 'output';
  demoId: string;
  runId: string;
  /** Seconds since the run started (asciicast time). */
  t: number;
  /** Terminal output, UTF-8 text (never a split code point). */
  data: string;
}

export interface MarkerEvent {
  type: 'marker';
  demoId: string;
  runId: string;
  t: number;
  /** `ready`, `exit 0`, `exit 1`, `signal SIGTERM`… */
  label: string;
}

export interface StateEvent {
  type: 'state';
  demoId: string;
  runId: string;
  state: DemoState;
  source: RunSource;
  /** Wall clock (ms since epoch) of the change. */
  at: number;
  exitCode?: number;
  signal?: string;
  durationMs?: number;
  /** Human message: why it failed, what was awaited, what fixes it. */
  message?: string;
  /** Machine-readable error code when failed (see errors.ts). */
  code?: string;
  /**
   * Wall clock (ms since epoch) of the demo's recording, when there is one: on a replay's events
   * (the recording played), and on a live run's events when a recording could replace it.
   */
  recordedAt?: number;
}

export type DemoEvent = OutputEvent | MarkerEvent | StateEvent;

/** What a client needs to draw one demo from scratch (after a reload or when it fell behind). */
export interface DemoSnapshot {
  demoId: string;
  runId: string | null;
  state: DemoState;
  source: RunSource;
  startedAt?: number;
  exitCode?: number;
  signal?: string;
  durationMs?: number;
  message?: string;
  code?: string;
  /** A note for the stage about this demo (an installed binary used instead of the pinned one). */
  notice?: string;
  /** The retained tail of the output (bounded). */
  output: string;
  /** Bytes dropped from the head of the output because of the bound. */
  droppedBytes: number;
  /** Wall clock (ms since epoch) of the demo's recording, when there is one (see StateEvent). */
  recordedAt?: number;
}
