// `demystify reset` (`npm run reset`): stops everything the orchestrator started, puts the node
// back (our containerd's pods and tasks, mounts under the workspace, the conflist the CNI step
// installed) and removes from the workspace only what the preparation and the steps made.
import { resolve } from 'node:path';
import { DEFAULT_WORKSPACE } from '../binaries/index.ts';
import { PROJECT_ROOT } from './project-root.ts';
import { renderResetReport, runReset } from './reset/index.ts';
import { parseCommandArgs } from './command-args.ts';

export const RESET_USAGE = `Usage: demystify reset [options]      (npm run reset -- [options])

Stops every process the demos started (from the orchestrator's records in <workspace>/.demystify),
empties the containerd we started through its own socket (pods, tasks, containers), unmounts what
is mounted under the workspace, removes the CNI conflist the cni-bridge demo installed (if it is
still ours), then removes from the workspace what the preparation and the demos made: the copied
manifests and configs (unless you changed them), certificates, admin.conf, etcd-data, containerd's
data, the binary links. Anything else in the workspace is kept, and listed.

If a \`demystify serve\` still runs demos of this workspace, nothing is done: stop it with Ctrl-C (it
stops its demos), or pass --force to stop them under it.

Options:
  --workspace <dir>   the demos' working folder (default: workspace, in the project)
  --force             also stop the demos of a session that is still running
  -h, --help          show this help

Exits 0 when everything was stopped and cleaned, 1 otherwise.`;

export interface ResetCommandIo {
  stdout: { write(text: string): unknown };
}

function parseResetArgs(args: string[]) {
  return parseCommandArgs('reset', args, {
    workspace: { type: 'string' },
    force: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
}

export async function runResetCommand(args: string[], io: ResetCommandIo = { stdout: process.stdout }): Promise<number> {
  const values = parseResetArgs(args);
  if (values.help) {
    io.stdout.write(`${RESET_USAGE}\n`);
    return 0;
  }
  // Resolved like `demystify serve` does, so both name the same folder.
  const workspace = resolve(PROJECT_ROOT, values.workspace ?? DEFAULT_WORKSPACE);
  const report = await runReset({ workspace, force: values.force ?? false });
  io.stdout.write(`${renderResetReport(report)}\n`);
  if (report.outcome === 'blocked') return 1;
  return report.outcome === 'done' && report.problems.length > 0 ? 1 : 0;
}
