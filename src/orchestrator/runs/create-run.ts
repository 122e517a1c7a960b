// One run of one demo, supervised from `starting` to the end of its last process:
//   starting → (preflight by the orchestrator) → running → ready (daemon: probe passed) → exited|failed.
// A daemon's readiness wait has a deadline and also ends when the process exits; a command has a
// completion deadline and an optional post-check. Every end goes through `finalize` (one terminal
// state event, after the last output and the exit marker), then the run's remaining processes are
// stopped and its pid record removed (`finished`). Stop = SIGTERM to the tree, SIGKILL after grace.
import type { DemoDefinition, DemoEvent, DemoSnapshot, DemoState } from '../../shared/index.ts';
import { createOutputCoalescer } from '../output/index.ts';
import type { ProbeContext } from '../probes/index.ts';
import { findRunProcesses, isProcessAlive, terminateRunProcesses } from '../processes/index.ts';
import type { PidRegistry, ProcessStamp, PtyExit, RunIdentity, SpawnPty, StopSignal, TerminateResult } from '../processes/index.ts';
import { stageMessages } from '../stage-messages.ts';
import { createDeferred } from './create-deferred.ts';
import { decideEnding } from './decide-ending.ts';
import { launchRunProcess } from './launch-run-process.ts';
import type { LaunchPlan } from './launch-run-process.ts';
import { createRunView, isLiveState } from './run-view.ts';
import type { RunStatus } from './run-view.ts';
import { superviseRun } from './supervise-run.ts';

/** Lines of output quoted in a failure message. */
export const LAST_LINES = 8;

export interface RunSettings {
  workspace: string;
  graceMs: number;
  outputLimitBytes: number;
  cols: number;
  rows: number;
  now: () => number;
  spawnPty: SpawnPty;
  probeIntervalMs: number;
  probeAttemptTimeoutMs: number;
  registry: PidRegistry;
  owner: ProcessStamp;
  emit: (event: DemoEvent) => void;
  /** Called after every state event of this run (dependents' notices). */
  onTransition?: (run: Run) => void;
}

export interface Run {
  readonly runId: string;
  readonly demo: DemoDefinition;
  readonly state: DemoState;
  readonly status: Readonly<RunStatus>;
  isLive(): boolean;
  /** Daemon ready, or command exited 0: what `needs=` asks of it. */
  isSatisfied(): boolean;
  snapshot(): DemoSnapshot;
  /** Resolves when the process runs (or the run failed/was cancelled before). */
  readonly started: Promise<DemoSnapshot>;
  /** Resolves at ready, exited or failed. */
  readonly settled: Promise<DemoSnapshot>;
  /** Resolves when the run has ended and none of its processes is left. */
  readonly finished: Promise<DemoSnapshot>;
  identity(): RunIdentity | undefined;
  /** Emits the `starting` state event (once the orchestrator has registered the run). */
  announce(): void;
  setNotice(notice: string | undefined): void;
  /** A preflight failure (only while starting). */
  fail(error: { code: string; message: string }): void;
  launch(plan: LaunchPlan): void;
  stop(): Promise<DemoSnapshot>;
  /** Synchronous SIGKILL of the whole tree (the orchestrator's process is exiting). */
  killNow(): void;
}

export function createRun(demo: DemoDefinition, runId: string, settings: RunSettings): Run {
  const { now, emit } = settings;
  const view = createRunView({ demo, runId, startedAt: now(), outputLimitBytes: settings.outputLimitBytes });
  const started = createDeferred<DemoSnapshot>();
  const settled = createDeferred<DemoSnapshot>();
  const finished = createDeferred<DemoSnapshot>();
  const stopAsked = createDeferred<void>();
  const outputListeners = new Set<(text: string) => void>();
  let launched = false;
  let stopRequestedAt: number | undefined;
  let lastSignal: StopSignal | undefined;
  let identity: RunIdentity | undefined;
  let exited: Promise<PtyExit> | undefined;
  let hasExited = false;
  let terminating: Promise<TerminateResult> | undefined;
  let signalAsRoot: LaunchPlan['signalAsRoot'];

  const seconds = (): number => Math.round(now() - view.startedAt) / 1000;
  const setStatus = (status: RunStatus): void => {
    view.status = { ...status, notice: view.status.notice };
    emit(view.stateEvent(now()));
    const { state } = view.status;
    if (state !== 'starting') started.resolve(view.snapshot());
    if (state === 'ready' || state === 'exited' || state === 'failed') settled.resolve(view.snapshot());
    settings.onTransition?.(run);
  };
  const mark = (label: string): void => emit({ type: 'marker', demoId: demo.id, runId, t: seconds(), label });
  const terminate = (): Promise<TerminateResult> => {
    if (identity === undefined) return Promise.resolve({ signal: undefined, survivors: [] });
    terminating ??= terminateRunProcesses({
      identity,
      graceMs: settings.graceMs,
      leaderExited: exited,
      hasLeaderExited: () => hasExited,
      signalAsRoot,
      onSignal: (signal) => (lastSignal = signal),
    });
    return terminating;
  };

  const run: Run = {
    runId,
    demo,
    get state() {
      return view.status.state;
    },
    get status() {
      return view.status;
    },
    isLive: () => isLiveState(view.status.state),
    isSatisfied: () => (demo.kind === 'daemon' ? view.status.state === 'ready' : view.status.state === 'exited' && view.status.exitCode === 0 && view.status.signal === undefined),
    snapshot: () => view.snapshot(),
    started: started.promise,
    settled: settled.promise,
    finished: finished.promise,
    identity: () => identity,
    announce() {
      emit(view.stateEvent(now()));
    },
    setNotice(notice) {
      if (view.status.notice === notice) return;
      view.status = { ...view.status, notice };
      if (run.isLive()) emit(view.stateEvent(now()));
    },
    fail(error) {
      if (view.status.state !== 'starting' || launched) return;
      setStatus({ state: 'failed', code: error.code, message: error.message, durationMs: now() - view.startedAt });
      finished.resolve(view.snapshot());
    },
    launch(plan) {
      if (view.status.state !== 'starting' || launched) return;
      launched = true;
      signalAsRoot = plan.signalAsRoot;
      const coalescer = createOutputCoalescer({
        onFlush: (text) => {
          view.tail.append(text);
          emit({ type: 'output', demoId: demo.id, runId, t: seconds(), data: text });
          for (const listener of outputListeners) listener(text);
        },
      });
      const spawned = launchRunProcess({ plan, settings, demo, runId, onData: (chunk) => coalescer.push(chunk) });
      if ('error' in spawned) {
        setStatus({ state: 'failed', code: 'INTERNAL', message: stageMessages.spawnFailed(demo.id, spawned.error), durationMs: now() - view.startedAt });
        finished.resolve(view.snapshot());
        return;
      }
      identity = spawned.identity;
      exited = spawned.exited.then((exit) => {
        hasExited = true;
        coalescer.end();
        mark(exit.signal !== undefined ? `signal ${exit.signal}` : `exit ${exit.exitCode}`);
        return exit;
      });
      setStatus({ state: 'running' });
      const probeContext: Omit<ProbeContext, 'signal' | 'wake'> = {
        workspace: settings.workspace,
        env: plan.env,
        launch: plan.launchProbeCommand,
        output: { text: () => view.tail.text(), subscribe: (listener) => (outputListeners.add(listener), () => void outputListeners.delete(listener)) },
      };
      void superviseRun({
        demo,
        probe: plan.probe,
        probeContext,
        exited,
        stopAsked: stopAsked.promise,
        isStopRequested: () => stopRequestedAt !== undefined,
        intervalMs: settings.probeIntervalMs,
        attemptTimeoutMs: settings.probeAttemptTimeoutMs,
        onReady: () => {
          if (stopRequestedAt !== undefined || view.status.state !== 'running') return;
          mark('ready');
          setStatus({ state: 'ready' });
        },
        onChecked: () => mark('ready'),
        terminate: () => void terminate(),
      })
        .then(async ({ exit, failure, awaited }) => {
          const stopElapsedMs = stopRequestedAt === undefined ? undefined : now() - stopRequestedAt;
          const wasReady = view.status.state === 'ready';
          setStatus(decideEnding({ demo, exit, failure, wasReady, awaited, stopElapsedMs, lastSignal, durationMs: now() - view.startedAt, lastLines: view.tail.lastLines(LAST_LINES) }));
          const { survivors } = await terminate();
          if (survivors.length === 0) settings.registry.remove(runId);
          else setStatus({ ...view.status, message: `${view.status.message ?? ''} (${stageMessages.survivors(survivors)})` });
        })
        .catch((error: unknown) => {
          if (run.isLive()) setStatus({ state: 'failed', code: 'INTERNAL', message: stageMessages.spawnFailed(demo.id, String(error)) });
        })
        .finally(() => finished.resolve(view.snapshot()));
    },
    stop() {
      if (view.status.state === 'starting' && !launched) {
        stopRequestedAt = now();
        setStatus({ state: 'exited', message: stageMessages.cancelled(), durationMs: now() - view.startedAt });
        finished.resolve(view.snapshot());
      } else if (run.isLive() && stopRequestedAt === undefined) {
        stopRequestedAt = now();
        stopAsked.resolve();
        void terminate();
      }
      return finished.promise;
    },
    killNow() {
      if (identity === undefined || !run.isLive()) return;
      stopRequestedAt ??= now();
      lastSignal = 'SIGKILL';
      const pids = findRunProcesses(identity);
      if (isProcessAlive(identity.pid, identity.startTime)) pids.push(-identity.pid);
      for (const pid of pids) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // Gone already.
        }
      }
    },
  };
  return run;
}
