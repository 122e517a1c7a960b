// Staging folders for downloads and extractions, under <cache>/binaries/.tmp (same filesystem as the
// cache, so installing is a rename). Each is named after its process; one whose process died
// (SIGKILL, power loss) is swept by the next fetch, so an interrupted download never lingers.
import { mkdir, mkdtemp, readdir, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { resolveStagingRoot } from './cache-dir.ts';

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function createStagingDir(cacheDir: string, label: string): Promise<string> {
  const root = resolveStagingRoot(cacheDir);
  await mkdir(root, { recursive: true });
  return mkdtemp(join(root, `${label}.${process.pid}.`));
}

export async function removeStagingDir(cacheDir: string, staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
  await rmdir(resolveStagingRoot(cacheDir)).catch(() => undefined);
}

/** Removes staging folders left by processes that no longer run. */
export async function sweepStaleStaging(cacheDir: string): Promise<string[]> {
  const root = resolveStagingRoot(cacheDir);
  const entries = await readdir(root).catch(() => []);
  const stale = entries.filter((entry) => {
    const pid = Number(/\.(\d+)\.[^.]+$/.exec(entry)?.[1]);
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isProcessAlive(pid);
  });
  await Promise.all(stale.map((entry) => rm(join(root, entry), { recursive: true, force: true })));
  await rmdir(root).catch(() => undefined);
  return stale;
}
