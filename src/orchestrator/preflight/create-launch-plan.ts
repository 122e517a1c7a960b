// Everything decided before a spawn that does not depend on other demos: the binary is there and
// fits this machine, sudo will not prompt (root demos when we are not root), the environment, the
// exact argv, and the readiness probe. A problem comes back as a DemystifyError, nothing spawned.
import { statSync } from 'node:fs';
import { DemystifyError, isDemystifyError } from '../../shared/index.ts';
import type { DemoDefinition } from '../../shared/index.ts';
import { createProbe } from '../probes/index.ts';
import { checkSudo, createLaunchCommand, createRunEnv, createSudoSignaller, resolveExecutable, validateBinary } from '../processes/index.ts';
import type { LaunchPlan } from '../runs/index.ts';
import { stageMessages } from '../stage-messages.ts';

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export interface LaunchPlanContext {
  workspace: string;
  extraEnv: NodeJS.ProcessEnv;
  isRoot: boolean;
}

export async function createLaunchPlan(demo: DemoDefinition, runId: string, context: LaunchPlanContext): Promise<LaunchPlan | DemystifyError> {
  const { workspace, extraEnv, isRoot } = context;
  if (!isDirectory(workspace)) return new DemystifyError('BAD_INPUT', stageMessages.workspaceMissing(workspace));
  if (demo.binary !== undefined) {
    const problem = validateBinary(workspace, demo.binary);
    if (problem !== undefined) return problem;
  }
  const env = createRunEnv({ workspace, runId, demoId: demo.id, extraEnv });
  const bashPath = resolveExecutable('bash', env['PATH']);
  if (bashPath === undefined) return new DemystifyError('INTERNAL', stageMessages.spawnFailed(demo.id, stageMessages.bashMissing()));

  const viaSudo = demo.root && !isRoot;
  const sudoPath = viaSudo ? resolveExecutable('sudo', env['PATH']) : undefined;
  if (viaSudo) {
    const status = await checkSudo(sudoPath, env);
    if (status === 'missing') return new DemystifyError('SUDO_WOULD_PROMPT', stageMessages.sudoMissing(demo.id));
    if (status === 'would-prompt') return new DemystifyError('SUDO_WOULD_PROMPT', stageMessages.sudoWouldPrompt(demo.id));
  }
  const commandFor = (command: string): ReturnType<typeof createLaunchCommand> =>
    createLaunchCommand({
      command,
      root: demo.root,
      isRoot,
      bashPath,
      sudoPath,
      envPath: resolveExecutable('env', env['PATH']),
      env,
      passThrough: Object.keys(extraEnv),
    });

  let probe;
  try {
    probe = demo.ready === undefined ? undefined : createProbe(demo.ready);
  } catch (error) {
    return isDemystifyError(error) ? error : new DemystifyError('BAD_INPUT', String(error), { cause: error });
  }
  return {
    command: commandFor(demo.command),
    env,
    ...(probe !== undefined && { probe }),
    launchProbeCommand: (command) => {
      const { file, args } = commandFor(command);
      return { file, args };
    },
    ...(viaSudo && sudoPath !== undefined && { signalAsRoot: createSudoSignaller(sudoPath, env) }),
  };
}
