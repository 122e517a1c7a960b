// The observable state of one run — what snapshots and state events are made of — kept apart from
// the supervision logic that changes it.
import type { DemoDefinition, DemoSnapshot, DemoState, StateEvent } from '../../shared/index.ts';
import { createOutputTail } from '../output/index.ts';
import type { OutputTail } from '../output/index.ts';

/** The status fields of a snapshot (message: a failure or stop; notice: a live run's note). */
export type RunStatus = Pick<DemoSnapshot, 'state' | 'exitCode' | 'signal' | 'durationMs' | 'message' | 'code' | 'notice'>;

export interface RunViewOptions {
  demo: DemoDefinition;
  runId: string;
  startedAt: number;
  outputLimitBytes: number;
}

export interface RunView {
  readonly demo: DemoDefinition;
  readonly runId: string;
  readonly startedAt: number;
  readonly tail: OutputTail;
  status: RunStatus;
  snapshot(): DemoSnapshot;
  stateEvent(at: number): StateEvent;
}

export function isLiveState(state: DemoState): boolean {
  return state === 'starting' || state === 'running' || state === 'ready';
}

/** The fields of a status that a snapshot and a state event share, undefined ones left out. */
function renderStatusFields(status: RunStatus): Pick<DemoSnapshot, 'exitCode' | 'signal' | 'durationMs' | 'message' | 'code'> {
  const message = isLiveState(status.state) ? status.notice : status.message;
  return {
    ...(status.exitCode !== undefined && { exitCode: status.exitCode }),
    ...(status.signal !== undefined && { signal: status.signal }),
    ...(status.durationMs !== undefined && { durationMs: status.durationMs }),
    ...(message !== undefined && { message }),
    ...(status.code !== undefined && { code: status.code }),
  };
}

export function createRunView({ demo, runId, startedAt, outputLimitBytes }: RunViewOptions): RunView {
  const tail = createOutputTail(outputLimitBytes);
  const view: RunView = {
    demo,
    runId,
    startedAt,
    tail,
    status: { state: 'starting' },
    snapshot() {
      return {
        demoId: demo.id,
        runId,
        state: view.status.state,
        source: 'live',
        startedAt,
        ...renderStatusFields(view.status),
        output: tail.text(),
        droppedBytes: tail.droppedBytes,
      };
    },
    stateEvent(at) {
      return { type: 'state', demoId: demo.id, runId, state: view.status.state, source: 'live', at, ...renderStatusFields(view.status) };
    },
  };
  return view;
}

export function createIdleSnapshot(demoId: string): DemoSnapshot {
  return { demoId, runId: null, state: 'idle', source: 'live', output: '', droppedBytes: 0 };
}
