// The deck's demos served from recordings only (`npm start -- --replay`, or a live demo that cannot
// run): the same DemoService the orchestrator offers, so the server and the pages cannot tell
// them apart but by the `replay` source. Nothing is ever spawned here.
//
// What the speaker gets: the recorded timing (scaled by `speed`, pauses longer than `idleCapS`
// shortened), and a daemon's replay holds at its `ready` marker (`pauseOn`), as a live daemon stays
// up: the rest of what the rehearsal recorded (down to its stop) is not played; Stop ends it.
import { DEFAULT_IDLE_CAP_S, DemystifyError, READY_MARKER, REPLAY_WORDING, createReplay, selectHoldMarkers } from '../shared/index.ts';
import type { DemoEvent, DemoManifest, DemoSnapshot, Replay, ReplayClock } from '../shared/index.ts';
import { resolveCastPath } from './cast-path.ts';
import { readCast } from './read-cast.ts';
import { createRecordingIndex } from './recording-index.ts';
import type { RecordingIndex } from './recording-index.ts';

export interface ReplayServiceOptions {
  manifest: DemoManifest;
  /** Folder holding `<id>.cast`. */
  recordingsDir: string;
  speed?: number;
  /** Longest pause kept from the recording, in seconds (default: the header's, else 3). */
  idleCapS?: number;
  /** Markers a daemon's replay holds at (default `ready`; [] plays daemons to their end). */
  pauseOn?: readonly string[];
  /** Output kept per demo for snapshots. */
  outputLimitChars?: number;
  /** Shared with the live session, which refreshes it when a run saves its recording. */
  index?: RecordingIndex;
  /** Timers of the replays (tests drive a manual clock). */
  clock?: ReplayClock;
}

export interface ReplayService {
  readonly manifest: DemoManifest;
  run(demoId: string): Promise<DemoSnapshot>;
  /** The same as run: every run here is a replay. */
  replay(demoId: string): Promise<DemoSnapshot>;
  stop(demoId: string): Promise<DemoSnapshot>;
  restart(demoId: string): Promise<DemoSnapshot>;
  stopAll(): Promise<void>;
  snapshot(demoId: string): DemoSnapshot;
  snapshots(): DemoSnapshot[];
  subscribe(listener: (event: DemoEvent) => void): () => void;
  hasRecording(demoId: string): Promise<boolean>;
  /** The deck was rebuilt: new demo ids become replayable. */
  updateManifest(manifest: DemoManifest): void;
  dispose(): Promise<void>;
}

export const DEFAULT_REPLAY_IDLE_CAP_S = DEFAULT_IDLE_CAP_S;
export const DEFAULT_PAUSE_ON: readonly string[] = [READY_MARKER];

export function createReplayService(options: ReplayServiceOptions): ReplayService {
  const { recordingsDir, pauseOn = DEFAULT_PAUSE_ON } = options;
  let manifest = options.manifest;
  const limit = options.outputLimitChars ?? 1024 * 1024;
  const index = options.index ?? createRecordingIndex(recordingsDir, manifest.demos.map((demo) => demo.id));
  const listeners = new Set<(event: DemoEvent) => void>();
  const snapshots = new Map<string, DemoSnapshot>();
  const replays = new Map<string, Replay>();

  const known = (demoId: string): DemoSnapshot => {
    let snapshot = snapshots.get(demoId);
    if (!snapshot && manifest.demos.some((demo) => demo.id === demoId)) {
      snapshot = { demoId, runId: null, state: 'idle', source: 'replay', output: '', droppedBytes: 0 };
      snapshots.set(demoId, snapshot);
    }
    if (!snapshot) throw new DemystifyError('UNKNOWN_DEMO', `No demo "${demoId}" in this deck.`);
    return snapshot;
  };
  const copy = (snapshot: DemoSnapshot): DemoSnapshot => {
    const recordedAt = snapshot.runId === null ? index.recordedAt(snapshot.demoId) : snapshot.recordedAt;
    return { ...snapshot, ...(recordedAt === undefined ? {} : { recordedAt }) };
  };
  const isActive = (replay: Replay | undefined): replay is Replay => replay?.status === 'playing' || replay?.status === 'paused';

  const emit = (event: DemoEvent): void => {
    const snapshot = snapshots.get(event.demoId);
    if (snapshot && event.runId === snapshot.runId) {
      if (event.type === 'output') {
        snapshot.output += event.data;
        if (snapshot.output.length > limit) {
          snapshot.droppedBytes += snapshot.output.length - limit;
          snapshot.output = snapshot.output.slice(-limit);
        }
      } else if (event.type === 'state') {
        const { exitCode, signal, durationMs, message, code, recordedAt } = event;
        Object.assign(snapshot, { state: event.state, source: 'replay', exitCode, signal, durationMs, message, code, recordedAt });
      }
    }
    for (const listener of listeners) listener(event);
  };

  const run = async (demoId: string): Promise<DemoSnapshot> => {
    const snapshot = known(demoId);
    if (isActive(replays.get(demoId))) return copy(snapshot);
    const runId = `replay-${globalThis.crypto.randomUUID()}`;
    Object.assign(snapshot, { runId, output: '', droppedBytes: 0, startedAt: Date.now() });
    let cast;
    try {
      cast = await readCast(resolveCastPath(recordingsDir, demoId), { keep: 'head' });
    } catch (error) {
      const message = error instanceof DemystifyError ? error.message : String(error);
      const code = error instanceof DemystifyError ? error.code : 'RECORDING_INVALID';
      emit({ type: 'state', demoId, runId, state: 'failed', source: 'replay', at: Date.now(), message, code });
      return copy(snapshot);
    }
    const kind = manifest.demos.find((demo) => demo.id === demoId)?.kind;
    const replay = createReplay(cast, {
      demoId,
      runId,
      speed: options.speed ?? 1,
      idleCapS: options.idleCapS ?? cast.header.idle_time_limit ?? DEFAULT_REPLAY_IDLE_CAP_S,
      pauseOnMarkers: selectHoldMarkers(kind, pauseOn),
      onEvent: emit,
      ...(options.clock === undefined ? {} : { clock: options.clock }),
    });
    replays.set(demoId, replay);
    replay.start();
    return copy(snapshot);
  };

  const stop = async (demoId: string): Promise<DemoSnapshot> => {
    const snapshot = known(demoId);
    const replay = replays.get(demoId);
    if (isActive(replay)) {
      replay.stop();
      const { recordedAt } = snapshot;
      emit({ type: 'state', demoId, runId: replay.runId, state: 'exited', source: 'replay', at: Date.now(), signal: 'SIGTERM', message: REPLAY_WORDING.stopped, ...(recordedAt === undefined ? {} : { recordedAt }) });
    }
    return copy(snapshot);
  };

  return {
    get manifest() {
      return manifest;
    },
    run,
    replay: run,
    stop,
    async restart(demoId) {
      await stop(demoId);
      return run(demoId);
    },
    async stopAll() {
      for (const demo of [...manifest.demos].reverse()) await stop(demo.id);
    },
    snapshot: (demoId) => copy(known(demoId)),
    snapshots: () => manifest.demos.map((demo) => copy(known(demo.id))),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    hasRecording: async (demoId) => index.has(demoId),
    updateManifest(next) {
      manifest = next;
      for (const demo of next.demos) if (!index.has(demo.id)) index.refresh(demo.id);
    },
    async dispose() {
      for (const replay of replays.values()) replay.stop();
      replays.clear();
      listeners.clear();
    },
  };
}
