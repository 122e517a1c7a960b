// Live mode with a way out: the orchestrator runs the demos, and a demo whose live run failed (a
// binary missing, a dependency down, a crash) can play its last good recording instead. One
// DemoService for the server: `run`/`restart` go live, `replay` plays the recording (never spawns),
// `stop` ends whichever of the two the demo shows. A demo shows its latest action: while it
// replays, the orchestrator's news about it (a dependency notice) waits in the live snapshot.
// Live state events carry `recordedAt` when a recording exists, so the page knows it can offer it.
import { DemystifyError } from '../shared/index.ts';
import type { DemoEvent, DemoManifest, DemoSnapshot } from '../shared/index.ts';
import type { RecordingIndex } from './recording-index.ts';
import type { ReplayService } from './replay-service.ts';

/** What the orchestrator offers the server (the server's DemoService, without replay). */
export interface LiveDemoService {
  readonly manifest: DemoManifest;
  run(demoId: string): Promise<DemoSnapshot>;
  stop(demoId: string): Promise<DemoSnapshot>;
  restart(demoId: string): Promise<DemoSnapshot>;
  stopAll(): Promise<void>;
  snapshots(): DemoSnapshot[];
  subscribe(listener: (event: DemoEvent) => void): () => void;
}

export interface LiveFallbackService extends LiveDemoService {
  replay(demoId: string): Promise<DemoSnapshot>;
}

export interface LiveFallbackOptions {
  live: LiveDemoService;
  replay: ReplayService;
  index: RecordingIndex;
}

const LIVE_STATES = new Set(['starting', 'running', 'ready']);

export function createLiveFallbackService({ live, replay, index }: LiveFallbackOptions): LiveFallbackService {
  /** Demos whose latest action was a replay. */
  const replaying = new Set<string>();

  const withRecording = <T extends DemoSnapshot | DemoEvent>(value: T): T => {
    if ('type' in value && value.type !== 'state') return value;
    const recordedAt = index.recordedAt(value.demoId);
    return recordedAt === undefined ? value : { ...value, recordedAt };
  };
  const leaveReplay = async (demoId: string): Promise<void> => {
    if (!replaying.delete(demoId)) return;
    await replay.stop(demoId);
  };

  return {
    get manifest() {
      return live.manifest;
    },
    async run(demoId) {
      await leaveReplay(demoId);
      return withRecording(await live.run(demoId));
    },
    async restart(demoId) {
      await leaveReplay(demoId);
      return withRecording(await live.restart(demoId));
    },
    async replay(demoId) {
      const current = live.snapshots().find((snapshot) => snapshot.demoId === demoId);
      if (current && LIVE_STATES.has(current.state)) {
        throw new DemystifyError('RUN_IN_PROGRESS', `Expected "${demoId}" to be stopped before replaying its recording, got a live run (${current.state}). Stop it first.`);
      }
      if (!index.has(demoId)) {
        throw new DemystifyError('RECORDING_MISSING', `No recording of "${demoId}" to replay. Record one with \`npx demystify rehearse --only ${demoId}\`.`);
      }
      replaying.add(demoId);
      return replay.run(demoId);
    },
    async stop(demoId) {
      return replaying.has(demoId) ? replay.stop(demoId) : withRecording(await live.stop(demoId));
    },
    async stopAll() {
      await replay.stopAll();
      await live.stopAll();
    },
    snapshots() {
      return live.snapshots().map((snapshot) => (replaying.has(snapshot.demoId) ? replay.snapshot(snapshot.demoId) : withRecording(snapshot)));
    },
    subscribe(listener) {
      const offLive = live.subscribe((event) => {
        if (!replaying.has(event.demoId)) listener(withRecording(event));
      });
      const offReplay = replay.subscribe((event) => {
        if (replaying.has(event.demoId)) listener(event);
      });
      return () => {
        offLive();
        offReplay();
      };
    },
  };
}
