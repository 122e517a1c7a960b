// Removes what prepareWorkspace recorded and nothing else: files that still hold what we wrote,
// the demos' outputs (with their contents), then our directories once they are empty. Files the
// speaker changed stay, and stay recorded. Run cleanupNode first: outputs may hold mounts.
import { readFile, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { resolveWorkspacePaths } from './workspace-paths.ts';
import { readWorkspaceRecord, writeWorkspaceRecord } from './workspace-record.ts';
import { createSha256 } from './tracked-file.ts';

export type ResetWorkspaceReport = {
  removed: string[];
  /** Changed by the speaker (or not empty, for directories): left in place. */
  kept: string[];
};

const depth = (path: string): number => path.split('/').length;

export async function resetWorkspace({ workspace }: { workspace: string }): Promise<ResetWorkspaceReport> {
  const paths = resolveWorkspacePaths(workspace);
  const record = await readWorkspaceRecord(paths.record);
  const report: ResetWorkspaceReport = { removed: [], kept: [] };
  const entries = Object.entries(record.entries).sort(([a], [b]) => depth(b) - depth(a) || a.localeCompare(b));
  for (const [relativePath, entry] of entries.filter(([, candidate]) => candidate.kind !== 'directory')) {
    const path = join(paths.workspace, relativePath);
    if (entry.kind === 'file') {
      const current = await readFile(path).catch(() => undefined);
      if (current !== undefined && createSha256(current) !== entry.sha256) {
        report.kept.push(relativePath);
        continue;
      }
      if (current !== undefined) report.removed.push(relativePath);
      await rm(path, { force: true });
    } else {
      const existed = await rm(path, { recursive: true }).then(() => true, (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      });
      if (existed) report.removed.push(relativePath);
    }
    delete record.entries[relativePath];
  }
  for (const [relativePath] of entries.filter(([, candidate]) => candidate.kind === 'directory')) {
    const outcome = await rmdir(join(paths.workspace, relativePath)).then(() => 'removed' as const, (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? 'gone' as const : 'kept' as const));
    if (outcome === 'kept') report.kept.push(`${relativePath}/`);
    else {
      if (outcome === 'removed') report.removed.push(`${relativePath}/`);
      delete record.entries[relativePath];
    }
  }
  await writeWorkspaceRecord(paths.record, record);
  await rmdir(paths.workspace).catch(() => undefined); // only when nothing else is left in it
  return report;
}
