// Mirrors a folder of assets into the build output, copying only what changed (size or mtime) and
// removing what is gone, so a rebuild does not rewrite every image. The listing and the checks use
// the synchronous calls on purpose: a few dozen stats cost well under a millisecond that way, while
// their promise versions cost the build's main thread several.
import { readdirSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { copyFile, mkdir, rm, utimes } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

function listFiles(folder: string): string[] {
  try {
    return readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(folder, join(entry.parentPath, entry.name)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function isSameFile(source: Stats, target: Stats | undefined): boolean {
  return target !== undefined && target.size === source.size && Math.trunc(target.mtimeMs) === Math.trunc(source.mtimeMs);
}

/** Makes `to` hold exactly the files of `from` (an absent `from` empties `to`). */
export async function syncFolder(from: string, to: string): Promise<void> {
  const sources = listFiles(from);
  const wanted = new Set(sources);
  const stale = listFiles(to).filter((file) => !wanted.has(file));
  const changed = sources.filter((file) => !isSameFile(statSync(join(from, file)), statSync(join(to, file), { throwIfNoEntry: false })));
  await mkdir(to, { recursive: true });
  await Promise.all([
    ...stale.map((file) => rm(join(to, file), { force: true })),
    ...changed.map(async (file) => {
      const [source, target] = [join(from, file), join(to, file)];
      await mkdir(dirname(target), { recursive: true });
      await copyFile(source, target);
      const { atime, mtime } = statSync(source);
      await utimes(target, atime, mtime);
    }),
  ]);
}
