// One composition root for a talk session, used by `serve` and `rehearse`: build the deck, prepare
// the workspace and link the binaries, then either the orchestrator (live, every run recorded, a
// failed demo able to replay its last good recording) or the replayer (recordings only, nothing
// spawned).
import { join, resolve } from 'node:path';
import { linkWorkspaceBinaries } from '../binaries/index.ts';
import type { DeckBuild } from '../deck/index.ts';
import { createOrchestrator } from '../orchestrator/index.ts';
import type { Orchestrator } from '../orchestrator/index.ts';
import { createLiveFallbackService, createRecordingIndex, createReplayService, createRunRecorder } from '../recording/index.ts';
import type { CastRecordingResult, RunRecorder } from '../recording/index.ts';
import type { DemoService } from '../server/index.ts';
import type { DemoManifest, DemoSnapshot, ServerMode } from '../shared/index.ts';
import { prepareWorkspace } from '../workspace/index.ts';
import { createBinaryNotices } from './binary-notices.ts';
import { buildDeckInChildProcess as buildDeck } from './deck-build-process.ts';
import { createOrchestratorService } from './orchestrator-service.ts';

export const RECORDINGS_DIR = 'demos/recordings';
export const DEFAULT_WORKSPACE = 'workspace';

export interface TalkSessionOptions {
  root: string;
  mode: ServerMode;
  /** The Markdown deck (relative to root, or absolute); default slides/demystifions-kubernetes.md. */
  source?: string;
  /** Build output folder; default <root>/dist. */
  outDir?: string;
  workspace?: string;
  recordingsDir?: string;
  /** Replay speed (replay mode, and live demos falling back to their recording). */
  speed?: number;
  /** Longest pause kept when replaying, in seconds. */
  idleCapS?: number;
  /** Markers a daemon's replay holds at (default `ready`). */
  pauseOn?: readonly string[];
  /** A live run's recording was saved (committed) or dropped (undefined). */
  onRecordingSaved?: (demoId: string, result: CastRecordingResult | undefined) => void;
  /** Say what is happening (stderr). */
  log?: (line: string) => void;
}

export interface TalkSession {
  readonly mode: ServerMode;
  readonly build: DeckBuild;
  readonly service: DemoService;
  readonly orchestrator: Orchestrator | undefined;
  readonly recorder: RunRecorder | undefined;
  readonly workspace: string;
  /** Rebuild the deck (watch mode). Running demos keep running. */
  rebuild(): Promise<DeckBuild>;
  /** Stop every demo, flush recordings. */
  close(): Promise<void>;
  /** Second Ctrl-C: SIGKILL everything now. */
  killNow(): void;
}

export async function openTalkSession(options: TalkSessionOptions): Promise<TalkSession> {
  const { root, mode, log = () => undefined } = options;
  const workspace = resolve(root, options.workspace ?? DEFAULT_WORKSPACE);
  const recordingsDir = resolve(root, options.recordingsDir ?? RECORDINGS_DIR);
  const location = { root, source: options.source, outDir: options.outDir };
  let build = await buildDeck(location);
  let manifest: DemoManifest = build.manifest;

  if (mode === 'replay') {
    const replay = createReplayService({ manifest, recordingsDir, speed: options.speed, idleCapS: options.idleCapS, pauseOn: options.pauseOn });
    return {
      mode,
      get build() {
        return build;
      },
      service: replay,
      orchestrator: undefined,
      recorder: undefined,
      workspace,
      async rebuild() {
        build = await buildDeck(location);
        replay.updateManifest(build.manifest);
        return build;
      },
      close: () => replay.dispose(),
      killNow: () => undefined,
    };
  }

  await prepareWorkspace({ root, workspace });
  const binaries = await linkWorkspaceBinaries({ workspace });
  for (const binary of binaries) if (binary.source !== 'pinned' && !binary.optional) log(`  ${binary.note}`);
  const orchestrator = createOrchestrator({ manifest, workspace });
  const reaped = await orchestrator.reapOrphans();
  for (const run of reaped) log(`  reaped a process left by a previous session: ${run.demoId} (pid ${run.pids.join(", ")})`);
  // Which demos have a recording to fall back on; a run that saves one refreshes it.
  const index = createRecordingIndex(recordingsDir, manifest.demos.map((demo) => demo.id));
  const recorder = createRunRecorder({
    manifest: () => manifest,
    dir: recordingsDir,
    subscribe: (listener) => orchestrator.subscribe(listener),
    onWarning: (message) => log(`recording: ${message}`),
    onSaved: (demoId, result) => {
      index.refresh(demoId);
      options.onRecordingSaved?.(demoId, result);
    },
  });
  const replay = createReplayService({ manifest, recordingsDir, speed: options.speed, idleCapS: options.idleCapS, pauseOn: options.pauseOn, index });
  let notices = createBinaryNotices(manifest, binaries);
  const withNotice = (snapshot: DemoSnapshot): DemoSnapshot => {
    const notice = notices.get(snapshot.demoId);
    return notice === undefined ? snapshot : { ...snapshot, notice };
  };
  const service: DemoService = createLiveFallbackService({
    live: createOrchestratorService(orchestrator, withNotice),
    replay,
    index,
  });
  return {
    mode,
    get build() {
      return build;
    },
    service,
    orchestrator,
    recorder,
    workspace,
    async rebuild() {
      build = await buildDeck(location);
      manifest = build.manifest;
      // Running demos keep running; new and changed demos run with their new definition.
      orchestrator.updateManifest(manifest);
      notices = createBinaryNotices(manifest, binaries);
      replay.updateManifest(manifest);
      return build;
    },
    async close() {
      await replay.dispose();
      await orchestrator.dispose();
      await recorder.close();
    },
    killNow: () => orchestrator.killAllNow(),
  };
}

export function recordingPath(root: string, demoId: string): string {
  return join(resolve(root, RECORDINGS_DIR), `${demoId}.cast`);
}
