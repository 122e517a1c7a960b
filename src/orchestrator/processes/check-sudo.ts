// Would `sudo` run a root demo without asking for a password (there is no one to type it on
// stage)? `sudo -n true` answers without prompting: 0 = yes; 1 = a password would be needed.
import { execa } from 'execa';
import type { StopSignal } from './terminate-run-processes.ts';

export const SUDO_CHECK_TIMEOUT_MS = 5_000;

export type SudoStatus = 'ok' | 'would-prompt' | 'missing';

export async function checkSudo(sudoPath: string | undefined, env: Record<string, string>): Promise<SudoStatus> {
  if (sudoPath === undefined) return 'missing';
  const result = await execa(sudoPath, ['-n', 'true'], { env, extendEnv: false, reject: false, stdin: 'ignore', timeout: SUDO_CHECK_TIMEOUT_MS });
  return result.exitCode === 0 ? 'ok' : 'would-prompt';
}

/** Signals processes we may not signal ourselves (root, started through sudo). */
export function createSudoSignaller(sudoPath: string, env: Record<string, string>): (signal: StopSignal, pids: number[]) => Promise<void> {
  return async (signal, pids) => {
    await execa(sudoPath, ['-n', 'kill', '-s', signal.replace(/^SIG/, ''), '--', ...pids.map(String)], {
      env,
      extendEnv: false,
      reject: false,
      stdin: 'ignore',
      timeout: SUDO_CHECK_TIMEOUT_MS,
    });
  };
}
