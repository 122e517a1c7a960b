// What the PTY executes for a demo: the slide's text, verbatim, as a bash script —
// `bash -o pipefail -c '<command>'`. pipefail makes `cmd | head` fail when cmd fails; we do NOT
// add `set -e`: a multi-line script goes on after a failing line, exactly as when the speaker
// types it, and its exit code is its last command's. A `root` demo runs directly when we are
// root, otherwise through `sudo -n -- env VAR=… bash …` (sudo resets the environment: the run's
// PATH, TERM, identity and the caller's extras are passed explicitly).
import { DEMO_ID_ENV, RUN_ID_ENV } from './find-run-processes.ts';

export interface LaunchCommand {
  file: string;
  args: string[];
  viaSudo: boolean;
}

export interface LaunchCommandOptions {
  command: string;
  root: boolean;
  isRoot: boolean;
  bashPath: string;
  sudoPath?: string;
  envPath?: string;
  env: Record<string, string>;
  /** Names of variables to pass through sudo besides PATH, TERM and the run identity. */
  passThrough?: string[];
}

export function createLaunchCommand(options: LaunchCommandOptions): LaunchCommand {
  const script = [options.bashPath, '-o', 'pipefail', '-c', options.command];
  if (!options.root || options.isRoot) {
    const [file, ...args] = script as [string, ...string[]];
    return { file, args, viaSudo: false };
  }
  const names = ['PATH', 'TERM', RUN_ID_ENV, DEMO_ID_ENV, ...(options.passThrough ?? [])];
  const assignments = [...new Set(names)].filter((name) => options.env[name] !== undefined).map((name) => `${name}=${options.env[name]}`);
  return {
    file: options.sudoPath ?? 'sudo',
    args: ['-n', '--', options.envPath ?? 'env', ...assignments, ...script],
    viaSudo: true,
  };
}
