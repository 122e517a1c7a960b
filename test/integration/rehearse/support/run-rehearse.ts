// Runs `demystify rehearse` in its own Node process, as a user would (tsx registered: the deck
// build runs Marp CLI in-process; errors mapped to a message and exit code 1 like src/cli/index.ts),
// optionally inside a throw-away network + mount namespace (see isolated-node.ts).
import { execa } from 'execa';
import { PROJECT_ROOT } from '../../../fixtures/decks/deck-sources.ts';

export interface RehearseResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export const REHEARSE_RUNNER = `
const { isDemystifyError } = await import('./src/shared/index.ts');
const { runRehearseCommand } = await import('./src/cli/rehearse-command.ts');
try {
  process.exitCode = await runRehearseCommand(process.argv.slice(1));
} catch (error) {
  if (!isDemystifyError(error)) throw error;
  console.error('demystify rehearse: ' + error.message);
  process.exitCode = 1;
}
`;

/** The node command line that runs `demystify rehearse <args>` from the project root. */
export function createRehearseCommand(args: readonly string[]): string[] {
  return [process.execPath, '--import', 'tsx', '--input-type=module', '-e', REHEARSE_RUNNER, '--', ...args];
}

export async function runRehearse(args: readonly string[], wrap: (command: string[]) => string[] = (command) => command): Promise<RehearseResult> {
  const [file, ...rest] = wrap(createRehearseCommand(args)) as [string, ...string[]];
  const result = await execa(file, rest, { cwd: PROJECT_ROOT, reject: false, timeout: 240_000, stdin: 'ignore', env: { FORCE_COLOR: '0' } });
  return { exitCode: result.exitCode ?? 1, stdout: String(result.stdout), stderr: String(result.stderr) };
}
