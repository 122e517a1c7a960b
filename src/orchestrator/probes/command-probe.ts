// Ready when a command exits 0 — run like the demo itself (bash in the workspace, the run's
// environment, through sudo for a root demo when we are not root), each attempt with a timeout.
import { execa } from 'execa';
import { stripTerminalCodes } from '../output/index.ts';
import type { Probe, ProbeContext, ProbeResult } from './probe.ts';
import { probeMessages } from '../stage-messages.ts';

function lastLine(text: string): string {
  const lines = stripTerminalCodes(text).split('\n').map((line) => line.trim()).filter(Boolean);
  return lines.at(-1)?.slice(0, 200) ?? '';
}

export function createCommandProbe(command: string): Probe {
  return {
    description: probeMessages.commandAwaited(command),
    async check(context: ProbeContext): Promise<ProbeResult> {
      const { file, args } = context.launch(command);
      const result = await execa(file, args, {
        cwd: context.workspace,
        env: context.env,
        extendEnv: false,
        reject: false,
        stdin: 'ignore',
        all: true,
        cancelSignal: context.signal,
        forceKillAfterDelay: 500,
      });
      if (result.exitCode === 0) return { ready: true, detail: probeMessages.commandPassed(command) };
      const said = lastLine(String(result.all ?? ''));
      const ending = result.exitCode === undefined ? (context.signal.aborted ? probeMessages.attemptTimedOut() : probeMessages.commandStopped()) : probeMessages.exitCode(result.exitCode);
      return { ready: false, detail: probeMessages.commandFailed(command, ending, said) };
    },
  };
}
