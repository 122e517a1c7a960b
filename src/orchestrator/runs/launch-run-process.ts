// The spawn itself: the PTY process in the workspace, its identity (pid + start time) read at
// once, and a record on disk so that a later start can reap it if we die without stopping it.
import type { DemoDefinition } from '../../shared/index.ts';
import type { Probe } from '../probes/index.ts';
import { readBootTicks, readProcessStartTime } from '../processes/index.ts';
import type { LaunchCommand, PtyExit, RunIdentity, StopSignal } from '../processes/index.ts';
import type { RunSettings } from './create-run.ts';

export interface LaunchPlan {
  command: LaunchCommand;
  env: Record<string, string>;
  probe?: Probe;
  /** How a command probe runs (like the demo: directly or through sudo). */
  launchProbeCommand: (command: string) => { file: string; args: string[] };
  /** Signals processes we may not signal (started through sudo). */
  signalAsRoot?: (signal: StopSignal, pids: number[]) => Promise<void>;
}

export interface LaunchedProcess {
  identity: RunIdentity;
  exited: Promise<PtyExit>;
}

export interface LaunchRunProcessOptions {
  plan: LaunchPlan;
  settings: RunSettings;
  demo: DemoDefinition;
  runId: string;
  onData: (chunk: Uint8Array) => void;
}

export function launchRunProcess({ plan, settings, demo, runId, onData }: LaunchRunProcessOptions): LaunchedProcess | { error: string } {
  const ticksBefore = readBootTicks();
  let pty;
  try {
    pty = settings.spawnPty({ file: plan.command.file, args: plan.command.args, cwd: settings.workspace, env: plan.env, cols: settings.cols, rows: settings.rows });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  pty.onData(onData);
  const identity: RunIdentity = { runId, pid: pty.pid, startTime: readProcessStartTime(pty.pid) ?? ticksBefore };
  try {
    settings.registry.record({ ...identity, demoId: demo.id, startedAt: settings.now(), owner: settings.owner, viaSudo: plan.command.viaSudo });
  } catch {
    // An unwritable state folder costs only the orphan reaping; the PTY hangup still covers a crash.
  }
  return { identity, exited: pty.exited };
}
