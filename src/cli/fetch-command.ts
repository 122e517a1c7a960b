// `demystify fetch`: the pinned binaries into the cache, verified, linked into the workspace.
import { fetchBinaries, createFetchReporter, MIRROR_ENV, type FetchBinariesResult } from '../binaries/index.ts';
import { parseCommandArgs } from './command-args.ts';
import { PROJECT_WORKSPACE } from './project-root.ts';

export const FETCH_USAGE = `Usage: demystify fetch [options]

Downloads the pinned binaries of a stack profile into the cache, verifies their sha256 (pinned in
binaries/manifest.json, else recorded in binaries/lock.json, else the official checksum file, then
recorded in the lock), and links them into <workspace>/bin (CNI plugins into <workspace>/cni/bin).
What the cache already holds, verified, is not downloaded again. A binary that could not be fetched
falls back to an installed one, with the version difference stated.

Options:
  --profile <name>    stack profile from the manifest (default: its defaultProfile, talk-1.31)
  --arch <arch>       amd64 or arm64 (default: this machine's; another arch is cached, not linked)
  --only <names>      comma-separated artifact or executable names (e.g. etcd,kubectl)
  --workspace <dir>   workspace folder (default: the project's workspace/)
  --manifest <file>   manifest to read (default: binaries/manifest.json; lock.json sits beside it)
  -h, --help          show this help

Environment:
  ${MIRROR_ENV}=<base>       download https://<host>/<path> from <base>/<host>/<path> (http://, https:// or file://)
  DEMYSTIFY_CACHE_DIR=<dir>  cache folder (default: $XDG_CACHE_HOME/demystify or ~/.cache/demystify)`;

export interface FetchCommandIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

function parseFetchArgs(args: string[]) {
  return parseCommandArgs('fetch', args, {
    profile: { type: 'string' },
    arch: { type: 'string' },
    only: { type: 'string' },
    workspace: { type: 'string' },
    manifest: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
}

function renderSummary(result: FetchBinariesResult): string[] {
  const lines = [''];
  if (!result.workspaceLinked) {
    lines.push(`Cached for linux/${result.arch}; not linked into the workspace (this machine is not ${result.arch}).`);
  } else {
    lines.push('Workspace links:');
    for (const binary of result.binaries) {
      const mark = binary.source === 'pinned' ? '✔' : binary.source === 'system' ? '!' : '✘';
      lines.push(`  ${mark} ${binary.note}`);
    }
  }
  const failed = result.artifacts.filter((outcome) => outcome.status === 'failed');
  const done = result.artifacts.length - failed.length;
  lines.push('', `${done} of ${result.artifacts.length} artifacts ready (profile ${result.profile}, linux/${result.arch})${failed.length ? `; failed: ${failed.map((f) => f.artifact).join(', ')}` : ''}.`);
  return lines;
}

export async function runFetchCommand(args: string[], io: FetchCommandIo = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  const values = parseFetchArgs(args);
  if (values.help) {
    io.stdout.write(`${FETCH_USAGE}\n`);
    return 0;
  }
  const only = values.only?.split(',').map((name) => name.trim()).filter((name) => name !== '');
  // First Ctrl-C: cancel cleanly (nothing partial kept); a second one exits at once (listener gone).
  const cancel = new AbortController();
  const onInterrupt = () => cancel.abort();
  process.once('SIGINT', onInterrupt);
  const result = await fetchBinaries({
    signal: cancel.signal,
    profile: values.profile,
    arch: values.arch,
    only,
    workspace: values.workspace ?? PROJECT_WORKSPACE,
    manifestPath: values.manifest,
    env: io.env,
    onEvent: createFetchReporter({ stream: io.stderr, isTTY: io.stderr.isTTY === true }),
  }).finally(() => process.off('SIGINT', onInterrupt));
  io.stdout.write(`${renderSummary(result).join('\n')}\n`);
  return result.artifacts.some((outcome) => outcome.status === 'failed') ? 1 : 0;
}
