// The orchestrator: the single source of truth for demo runs. It keeps the latest run of each
// demo, makes run() idempotent (one process however many callers), checks what must hold before a
// spawn (dependencies, binary, sudo, ports), and broadcasts every event in order.
import { randomBytes } from 'node:crypto';
import { isAbsolute, join } from 'node:path';
import { DemystifyError } from '../shared/index.ts';
import type { DemoDefinition, DemoEvent, DemoSnapshot } from '../shared/index.ts';
import type { Orchestrator, OrchestratorOptions, RunOptions } from './orchestrator.ts';
import { createLaunchPlan, ensureNeeds, ensurePortsFree } from './preflight/index.ts';
import { PROBE_ATTEMPT_TIMEOUT_MS, PROBE_INTERVAL_MS } from './probes/index.ts';
import { createPidRegistry, createRunEnv, createSudoSignaller, GRACE_MS, readProcessStartTime, reapOrphans, resolveExecutable, spawnPty } from './processes/index.ts';
import { createIdleSnapshot, createRun } from './runs/index.ts';
import type { Run, RunSettings } from './runs/index.ts';
import { OUTPUT_LIMIT_BYTES } from './output/index.ts';
import { stageMessages } from './stage-messages.ts';
import { createDependencyNotices } from './create-dependency-notices.ts';

export const DEFAULT_COLS = 120;
export const DEFAULT_ROWS = 30;

export function createOrchestrator(options: OrchestratorOptions): Orchestrator {
  const { workspace, env: extraEnv = {}, graceMs = GRACE_MS } = options;
  if (!isAbsolute(workspace)) throw new DemystifyError('BAD_INPUT', `Expected an absolute workspace path, got "${workspace}".`);
  let manifest = options.manifest;
  let demos = new Map(manifest.demos.map((demo) => [demo.id, demo]));
  const isRoot = options.isRoot ?? process.getuid?.() === 0;
  const now = options.now ?? Date.now;
  const registry = createPidRegistry(options.stateDir ?? join(workspace, '.demystify'));
  const listeners = new Set<(event: DemoEvent) => void>();
  const latest = new Map<string, Run>();
  /** Runs not yet finished, in creation order. */
  const active: Run[] = [];
  /** Spawn order (a dependency started by start-needs spawns before the run that asked for it). */
  let spawnSequence = 0;
  const spawnedAt = new WeakMap<Run, number>();
  let disposed = false;

  const emit = (event: DemoEvent): void => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        (options.onListenerError ?? console.error)(error);
      }
    }
  };
  const notices = createDependencyNotices(() => [...latest.values()]);
  const settings: RunSettings = {
    workspace,
    graceMs,
    outputLimitBytes: options.outputLimitBytes ?? OUTPUT_LIMIT_BYTES,
    cols: options.cols ?? DEFAULT_COLS,
    rows: options.rows ?? DEFAULT_ROWS,
    now,
    spawnPty: options.spawnPty ?? spawnPty,
    probeIntervalMs: options.probeIntervalMs ?? PROBE_INTERVAL_MS,
    probeAttemptTimeoutMs: options.probeAttemptTimeoutMs ?? PROBE_ATTEMPT_TIMEOUT_MS,
    registry,
    owner: { pid: process.pid, startTime: readProcessStartTime(process.pid) ?? 0 },
    emit,
    onTransition: (run) => {
      if (run.state === 'running' && !spawnedAt.has(run)) spawnedAt.set(run, (spawnSequence += 1));
      notices.onTransition(run);
    },
  };
  const isLiveRun = (runId: string): boolean => active.some((run) => run.runId === runId);
  const reap = (force: boolean): ReturnType<typeof reapOrphans> => {
    const runEnv = createRunEnv({ workspace, runId: 'reaper', demoId: 'reaper', extraEnv });
    const sudoPath = isRoot ? undefined : resolveExecutable('sudo', runEnv['PATH']);
    return reapOrphans({ registry, graceMs, force, isLiveRun, ...(sudoPath && { signalAsRoot: createSudoSignaller(sudoPath, runEnv) }) });
  };
  const reaping = options.reapOnStart === false ? Promise.resolve([]) : reap(false).catch(() => []);
  let startupReapReported = false;

  /** A declared demo, or one removed from the deck whose run is still live (it can be joined and stopped). */
  const requireDemo = (id: string): DemoDefinition => {
    const demo = demos.get(id) ?? (latest.get(id)?.isLive() ? latest.get(id)?.demo : undefined);
    if (demo === undefined) throw new DemystifyError('UNKNOWN_DEMO', stageMessages.unknownDemo(id, [...demos.keys()]));
    return demo;
  };
  /** Demos removed from the deck but still running: listed after the deck's, until they end. */
  const removedLiveIds = (): string[] => [...latest.values()].filter((run) => !demos.has(run.demo.id) && run.isLive()).map((run) => run.demo.id);

  async function prepare(run: Run, previous: Run | undefined, chain: string[], startNeeds: boolean): Promise<void> {
    const { demo } = run;
    try {
      await reaping;
      await previous?.finished;
      if (!run.isLive()) return;
      const needsError = await ensureNeeds(demo, {
        findDemo: (id) => demos.get(id),
        currentRun: (id) => latest.get(id),
        startDependency: (need, needChain) => startRun(need, needChain, true).settled,
        isStillWanted: () => run.isLive(),
      }, chain, startNeeds);
      if (!run.isLive()) return;
      if (needsError !== undefined) return run.fail(needsError);
      const plan = await createLaunchPlan(demo, run.runId, { workspace, extraEnv, isRoot });
      if (!run.isLive()) return;
      if (plan instanceof DemystifyError) return run.fail(plan);
      if (demo.kind === 'daemon' && demo.ports.length > 0) {
        const ports = await ensurePortsFree(demo.ports, {
          registry,
          graceMs,
          isLiveRun,
          liveRuns: () =>
            active.flatMap((other) => {
              const identity = other === run ? undefined : other.identity();
              return identity === undefined ? [] : [{ demoId: other.demo.id, identity }];
            }),
        });
        if (ports.reaped.length > 0) run.setNotice(stageMessages.staleReaped(ports.reaped));
        if (!run.isLive()) return;
        if (ports.error !== undefined) return run.fail(ports.error);
      }
      run.launch(plan);
    } catch (error) {
      run.fail({ code: 'INTERNAL', message: stageMessages.spawnFailed(demo.id, error instanceof Error ? error.message : String(error)) });
    }
  }

  function startRun(demo: DemoDefinition, chain: string[], startNeeds: boolean): Run {
    const current = latest.get(demo.id);
    if (current?.isLive()) return current;
    const runId = `${demo.id}-${now().toString(36)}-${randomBytes(4).toString('hex')}`;
    const run = createRun(demo, runId, settings);
    latest.set(demo.id, run);
    active.push(run);
    run.announce();
    void run.finished.then(() => active.splice(active.indexOf(run), 1));
    void prepare(run, current, chain, startNeeds || demo.startNeeds);
    return run;
  }

  const snapshotOf = (id: string): DemoSnapshot => latest.get(id)?.snapshot() ?? createIdleSnapshot(id);

  const orchestrator: Orchestrator = {
    get manifest() {
      return manifest;
    },
    updateManifest(next) {
      manifest = next;
      demos = new Map(next.demos.map((demo) => [demo.id, demo]));
    },
    async run(demoId: string, runOptions: RunOptions = {}) {
      if (disposed) throw new DemystifyError('BAD_INPUT', stageMessages.disposed());
      const run = startRun(requireDemo(demoId), [], false);
      // A caller joining a live run gets its current snapshot, not the one taken when it started.
      return (runOptions.until === 'started' ? run.started : run.settled).then(() => run.snapshot());
    },
    async stop(demoId) {
      requireDemo(demoId);
      const run = latest.get(demoId);
      return run === undefined ? snapshotOf(demoId) : run.stop();
    },
    async restart(demoId) {
      await orchestrator.stop(demoId);
      return orchestrator.run(demoId);
    },
    async stopAll() {
      // Runs still in preflight first (cancelled at once), then the newest spawn first.
      const order = (run: Run): number => spawnedAt.get(run) ?? Number.POSITIVE_INFINITY;
      for (const run of [...active].sort((a, b) => order(b) - order(a))) await run.stop();
    },
    snapshot: (demoId) => snapshotOf(requireDemo(demoId).id),
    snapshots: () => [...manifest.demos.map((demo) => demo.id), ...removedLiveIds()].map(snapshotOf),
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async reapOrphans(reapOptions = {}) {
      const atStartup = await reaping;
      const now = await reap(reapOptions.force === true);
      const reported = startupReapReported ? now : [...atStartup, ...now];
      startupReapReported = true;
      return reported;
    },
    killAllNow() {
      for (const run of active) run.killNow();
    },
    async dispose() {
      disposed = true;
      await orchestrator.stopAll();
      await reaping;
      listeners.clear();
    },
    [Symbol.asyncDispose]: () => orchestrator.dispose(),
  };
  return orchestrator;
}
