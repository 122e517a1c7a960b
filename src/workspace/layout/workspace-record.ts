// What prepareWorkspace created, so that reset removes exactly that and nothing the speaker made.
import { readFile, writeFile, rm } from 'node:fs/promises';
import { DemystifyError } from '../../shared/index.ts';

/**
 * - `directory`: made by prepare; reset removes it only once it is empty.
 * - `file`: written by prepare with this content hash; reset removes it unless the speaker changed it.
 * - `output`: a place the demos fill (containerd root/state, etcd-data, CNI IPAM, logs, images);
 *   reset removes it with its contents.
 */
export type WorkspaceEntry =
  | { kind: 'directory' }
  | { kind: 'file'; sha256: string }
  | { kind: 'output' };

/** Keys are paths relative to the workspace, with `/` separators. */
export type WorkspaceRecord = { version: 1; entries: Record<string, WorkspaceEntry> };

export function createWorkspaceRecord(): WorkspaceRecord {
  return { version: 1, entries: {} };
}

export async function readWorkspaceRecord(recordPath: string): Promise<WorkspaceRecord> {
  let text: string;
  try {
    text = await readFile(recordPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return createWorkspaceRecord();
    throw error;
  }
  const parsed = JSON.parse(text) as Partial<WorkspaceRecord>;
  if (parsed.version !== 1 || typeof parsed.entries !== 'object' || parsed.entries === null) {
    throw new DemystifyError(
      'BAD_INPUT',
      `Expected ${recordPath} to be a workspace record (version 1), got something else. Delete it and run the preparation again.`,
    );
  }
  return { version: 1, entries: { ...parsed.entries } };
}

/** Writes the record with sorted keys (stable diffs); removes the file when the record is empty. */
export async function writeWorkspaceRecord(recordPath: string, record: WorkspaceRecord): Promise<void> {
  const keys = Object.keys(record.entries).sort();
  if (keys.length === 0) {
    await rm(recordPath, { force: true });
    return;
  }
  const entries = Object.fromEntries(keys.map((key) => [key, record.entries[key]]));
  await writeFile(recordPath, `${JSON.stringify({ version: 1, entries }, null, 2)}\n`);
}
