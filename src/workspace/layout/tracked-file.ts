// Writing a file the workspace owns without clobbering the speaker's edits: a file is replaced
// only when it still holds exactly what we wrote last time (its hash is in the record).
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { WorkspaceRecord } from './workspace-record.ts';

export type TrackedFileOutcome = 'created' | 'updated' | 'unchanged' | 'kept' | 'replaced';

export type WriteTrackedFileOptions = {
  workspace: string;
  /** Path relative to the workspace, `/` separated. */
  relativePath: string;
  content: string | Uint8Array;
  record: WorkspaceRecord;
  /** Replace the file even when the speaker changed it. */
  force?: boolean;
  mode?: number;
};

export function createSha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

async function readIfPresent(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export async function writeTrackedFile(options: WriteTrackedFileOptions): Promise<TrackedFileOutcome> {
  const { workspace, relativePath, content, record, force = false, mode = 0o644 } = options;
  const path = join(workspace, relativePath);
  const wanted = createSha256(content);
  const current = await readIfPresent(path);
  const recorded = record.entries[relativePath];
  const track = (): void => {
    record.entries[relativePath] = { kind: 'file', sha256: wanted };
  };
  if (current === undefined) {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content, { mode });
    track();
    return 'created';
  }
  const currentSha = createSha256(current);
  if (currentSha === wanted) {
    track();
    return 'unchanged';
  }
  const ours = recorded?.kind === 'file' && recorded.sha256 === currentSha;
  if (!ours && !force) return 'kept';
  await writeFile(path, content, { mode });
  track();
  return ours ? 'updated' : 'replaced';
}
