// The environment of a run: ours plus the caller's extras, the workspace's bin/ first on PATH (so
// `etcdctl` on a slide finds the pinned one), a colour terminal, and the run's identity
// (DEMYSTIFY_RUN_ID, inherited by every descendant: how we find them all at stop time).
import { delimiter, join } from 'node:path';
import { DEMO_ID_ENV, RUN_ID_ENV } from './find-run-processes.ts';

export const RUN_TERM = 'xterm-256color';

/** Variables that would confuse a program about its terminal (node-pty drops the same ones). */
const TERMINAL_LEFTOVERS = ['TMUX', 'TMUX_PANE', 'STY', 'WINDOW', 'WINDOWID', 'TERMCAP', 'COLUMNS', 'LINES'];

export interface RunEnvOptions {
  workspace: string;
  runId: string;
  demoId: string;
  baseEnv?: NodeJS.ProcessEnv;
  extraEnv?: NodeJS.ProcessEnv;
}

export function createRunEnv({ workspace, runId, demoId, baseEnv = process.env, extraEnv = {} }: RunEnvOptions): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...baseEnv, ...extraEnv })) {
    if (value !== undefined && !TERMINAL_LEFTOVERS.includes(name)) env[name] = value;
  }
  const path = env['PATH'] ?? '/usr/local/bin:/usr/bin:/bin';
  env['PATH'] = [join(workspace, 'bin'), path].join(delimiter);
  env['TERM'] = RUN_TERM;
  env[RUN_ID_ENV] = runId;
  env[DEMO_ID_ENV] = demoId;
  return env;
}
