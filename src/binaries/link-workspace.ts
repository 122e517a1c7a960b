// Fetches nothing: links each executable into the workspace, the pinned one from the cache, else the
// installed one. A link whose binary went missing is removed, so `bin/x` never points at nothing.
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readlink, rename, rm, symlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { resolveBinaries, type ResolveBinariesOptions, type ResolvedBinary } from './resolve-binaries.ts';

async function replaceWithSymlink(target: string, linkPath: string): Promise<void> {
  if ((await readlink(linkPath).catch(() => undefined)) === target) return;
  await mkdir(dirname(linkPath), { recursive: true });
  const temp = join(dirname(linkPath), `.${randomBytes(6).toString('hex')}.link`);
  await symlink(target, temp);
  try {
    await rename(temp, linkPath);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

async function removeStaleLink(linkPath: string): Promise<void> {
  const stats = await lstat(linkPath).catch(() => undefined);
  if (stats?.isSymbolicLink()) await rm(linkPath, { force: true });
}

/** Links <workspace>/bin/<name> (CNI: <workspace>/cni/bin/<name>) and returns what each link is. */
export async function linkWorkspaceBinaries(options: ResolveBinariesOptions = {}): Promise<ResolvedBinary[]> {
  const selected = await resolveBinaries(options);
  for (const binary of selected) {
    if (binary.path === undefined) await removeStaleLink(binary.workspacePath);
    else await replaceWithSymlink(binary.path, binary.workspacePath);
  }
  return selected;
}
