// The orchestrator's contract: what the server, the CLI (`serve`, `rehearse`, `reset`) and the
// tests see. No HTTP here; the server adapts this to its routes.
import type { DemoEvent, DemoManifest, DemoSnapshot } from '../shared/index.ts';
import type { ReapedRun, SpawnPty } from './processes/index.ts';

export interface OrchestratorOptions {
  /** The deck's demos; only these can run. */
  manifest: DemoManifest;
  /** Absolute path; every demo runs with this as its working directory. */
  workspace: string;
  /** Extra environment for every run (on top of ours). */
  env?: NodeJS.ProcessEnv;
  /** Default: process.getuid() === 0. */
  isRoot?: boolean;
  /** SIGTERM → SIGKILL grace period. Default 5000. */
  graceMs?: number;
  /** Output tail kept per run for snapshots. Default 1 MiB. */
  outputLimitBytes?: number;
  /** PTY size. Default 120 × 30. */
  cols?: number;
  rows?: number;
  /** Where started processes are recorded (orphan reaping). Default <workspace>/.demystify. */
  stateDir?: string;
  /** Wall clock, ms since epoch. */
  now?: () => number;
  /** Spawns one PTY process (tests may wrap it to count spawns). */
  spawnPty?: SpawnPty;
  /** Pause between probe attempts. Default 100 ms. */
  probeIntervalMs?: number;
  /** Timeout of one probe attempt. Default 2000 ms. */
  probeAttemptTimeoutMs?: number;
  /** Reap what a killed orchestrator left, at creation (runs wait for it). Default true. */
  reapOnStart?: boolean;
  /** A subscriber threw: where to report it (the run goes on). Default console.error. */
  onListenerError?: (error: unknown) => void;
}

export interface RunOptions {
  /**
   * `settled` (default): resolve at ready / exited / failed (a daemon's readiness can take its
   * `timeoutMs`). `started`: resolve once the process runs, or at a preflight failure.
   */
  until?: 'settled' | 'started';
}

export interface Orchestrator {
  /** The current manifest (watch mode replaces it with updateManifest). */
  readonly manifest: DemoManifest;
  /**
   * The deck was rebuilt: from now on runs use the new definitions. Running demos keep running
   * (with the definition they started with); new ids become runnable; a removed id can still be
   * joined and stopped while its run is live, and stops being runnable once it has ended.
   */
  updateManifest(manifest: DemoManifest): void;
  /**
   * Starts a demo, or joins its live run (starting/running/ready): N concurrent calls, one process.
   * Emits `starting` synchronously, so snapshot(id) has the runId as soon as run() returns.
   * Resolves with the snapshot — a failure is a `failed` snapshot with code and message, never a
   * rejection. Rejects only for an unknown id (UNKNOWN_DEMO) or after dispose (BAD_INPUT).
   */
  run(demoId: string, options?: RunOptions): Promise<DemoSnapshot>;
  /** SIGTERM to the run's tree, SIGKILL after graceMs; resolves when nothing of it is left. */
  stop(demoId: string): Promise<DemoSnapshot>;
  restart(demoId: string): Promise<DemoSnapshot>;
  /** Stops every live run: those still in preflight, then the most recently spawned first. */
  stopAll(): Promise<void>;
  snapshot(demoId: string): DemoSnapshot;
  /** In manifest (talk) order, then any live run of a demo removed from the manifest. */
  snapshots(): DemoSnapshot[];
  /** Every event of every demo, in order, synchronously. Returns the unsubscribe function. */
  subscribe(listener: (event: DemoEvent) => void): () => void;
  /**
   * Stops what a previous orchestrator left running (`force`: even if that orchestrator lives).
   * Waits for the start-up pass first; the first call also reports what that pass reaped.
   */
  reapOrphans(options?: { force?: boolean }): Promise<ReapedRun[]>;
  /** Synchronous SIGKILL of every live run's tree: for a process 'exit' handler or a second Ctrl-C. */
  killAllNow(): void;
  /** stopAll, then refuses new runs. */
  dispose(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}
