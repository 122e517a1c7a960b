// One injectable way to run a program and collect its output. Every child process of the
// workspace code goes through here, so tests can swap it and the product uses execa.
import { execa } from 'execa';

export type CommandResult = {
  exitCode: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** The program could not be started at all (missing binary, permission). */
  spawnFailed: boolean;
};

export type RunCommandOptions = {
  input?: string | Uint8Array;
  env?: Record<string, string>;
  timeoutMs?: number;
  cwd?: string;
};

export type RunCommand = (file: string, args: readonly string[], options?: RunCommandOptions) => Promise<CommandResult>;

export const runCommand: RunCommand = async (file, args, options = {}) => {
  const result = await execa(file, [...args], {
    reject: false,
    stripFinalNewline: false,
    ...(options.input === undefined ? { stdin: 'ignore' as const } : { input: options.input }),
    ...(options.env === undefined ? {} : { env: options.env }),
    ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
  });
  const spawnFailed = result.exitCode === undefined && !result.timedOut && result.signal === undefined;
  return {
    exitCode: result.exitCode ?? (spawnFailed ? 127 : -1),
    stdout: typeof result.stdout === 'string' ? result.stdout : '',
    stderr: typeof result.stderr === 'string' && result.stderr !== '' ? result.stderr : spawnFailed ? (result.shortMessage ?? '') : '',
    timedOut: result.timedOut,
    spawnFailed,
  };
};

/** First non-empty line of a program's error output, for one-line messages. */
export function renderFirstLine(text: string): string {
  return text.split('\n').map((line) => line.trim()).find((line) => line !== '') ?? '(no output)';
}
