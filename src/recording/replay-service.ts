// The deck's demos served from recordings only (`npm start -- --replay`, or a live demo that cannot
// run): the same DemoService the orchestrator offers, so the server and the pages cannot tell
// them apart but by the `replay` source. Nothing is ever spawned here.
import { join } from 'node:path';
import { DemystifyError } from '../shared/index.ts';
import type { DemoEvent, DemoManifest, DemoSnapshot } from '../shared/index.ts';
import { createReplay } from './cast-replay.ts';
import type { Replay } from './cast-replay.ts';
import { readCast } from './read-cast.ts';

export interface ReplayServiceOptions {
  manifest: DemoManifest;
  /** Folder holding `<id>.cast`. */
  recordingsDir: string;
  speed?: number;
  /** Longest pause kept from the recording, in seconds. */
  idleCapS?: number;
  /** Output kept per demo for snapshots. */
  outputLimitChars?: number;
}

export interface ReplayService {
  readonly manifest: DemoManifest;
  run(demoId: string): Promise<DemoSnapshot>;
  stop(demoId: string): Promise<DemoSnapshot>;
  restart(demoId: string): Promise<DemoSnapshot>;
  stopAll(): Promise<void>;
  snapshot(demoId: string): DemoSnapshot;
  snapshots(): DemoSnapshot[];
  subscribe(listener: (event: DemoEvent) => void): () => void;
  hasRecording(demoId: string): Promise<boolean>;
  dispose(): Promise<void>;
}

export const DEFAULT_REPLAY_IDLE_CAP_S = 3;

export function createReplayService(options: ReplayServiceOptions): ReplayService {
  const { manifest, recordingsDir } = options;
  const limit = options.outputLimitChars ?? 1024 * 1024;
  const listeners = new Set<(event: DemoEvent) => void>();
  const snapshots = new Map<string, DemoSnapshot>();
  const replays = new Map<string, Replay>();
  for (const demo of manifest.demos) {
    snapshots.set(demo.id, { demoId: demo.id, runId: null, state: 'idle', source: 'replay', output: '', droppedBytes: 0 });
  }

  const known = (demoId: string): DemoSnapshot => {
    const snapshot = snapshots.get(demoId);
    if (!snapshot) throw new DemystifyError('UNKNOWN_DEMO', `No demo "${demoId}" in this deck.`);
    return snapshot;
  };

  const emit = (event: DemoEvent): void => {
    const snapshot = snapshots.get(event.demoId);
    if (snapshot) {
      if (event.type === 'output') {
        snapshot.output += event.data;
        if (snapshot.output.length > limit) {
          snapshot.droppedBytes += snapshot.output.length - limit;
          snapshot.output = snapshot.output.slice(-limit);
        }
      } else if (event.type === 'state') {
        Object.assign(snapshot, { state: event.state, source: 'replay', exitCode: event.exitCode, signal: event.signal, durationMs: event.durationMs, message: event.message, code: event.code });
      }
    }
    for (const listener of listeners) listener(event);
  };

  const run = async (demoId: string): Promise<DemoSnapshot> => {
    const snapshot = known(demoId);
    if (replays.get(demoId)?.status === 'playing') return { ...snapshot };
    const runId = `replay-${globalThis.crypto.randomUUID()}`;
    let cast;
    try {
      cast = await readCast(join(recordingsDir, `${demoId}.cast`), { keep: 'tail' });
    } catch (error) {
      const message = error instanceof DemystifyError ? error.message : String(error);
      Object.assign(snapshot, { runId, output: '', droppedBytes: 0 });
      emit({ type: 'state', demoId, runId, state: 'failed', source: 'replay', at: Date.now(), message, code: 'RECORDING_MISSING' });
      return { ...snapshot };
    }
    Object.assign(snapshot, { runId, output: '', droppedBytes: 0, startedAt: Date.now() });
    const replay = createReplay(cast, {
      demoId,
      runId,
      speed: options.speed ?? 1,
      idleCapS: options.idleCapS ?? cast.header.idle_time_limit ?? DEFAULT_REPLAY_IDLE_CAP_S,
      onEvent: emit,
    });
    replays.set(demoId, replay);
    replay.start();
    return { ...snapshot };
  };

  const stop = async (demoId: string): Promise<DemoSnapshot> => {
    const snapshot = known(demoId);
    const replay = replays.get(demoId);
    if (replay && replay.status === 'playing') {
      replay.stop();
      emit({ type: 'state', demoId, runId: replay.runId, state: 'exited', source: 'replay', at: Date.now(), signal: 'SIGTERM', message: 'Rejeu arrêté.' });
    }
    return { ...snapshot };
  };

  return {
    manifest,
    run,
    stop,
    async restart(demoId) {
      await stop(demoId);
      return run(demoId);
    },
    async stopAll() {
      for (const demo of [...manifest.demos].reverse()) await stop(demo.id);
    },
    snapshot: (demoId) => ({ ...known(demoId) }),
    snapshots: () => manifest.demos.map((demo) => ({ ...known(demo.id) })),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async hasRecording(demoId) {
      try {
        await readCast(join(recordingsDir, `${demoId}.cast`), { maxEvents: 1 });
        return true;
      } catch {
        return false;
      }
    },
    async dispose() {
      for (const replay of replays.values()) replay.stop();
      replays.clear();
      listeners.clear();
    },
  };
}
