// A recorder killed mid-run (SIGKILL, power cut) leaves its temp file behind; the final
// recording was never touched. The next recorder of the same demo removes such leftovers,
// but only those whose writer process is gone.

import { join } from 'node:path';
import type { CastFileSystem } from './cast-file-system.ts';
import { parseCastTempName } from './cast-path.ts';

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes `.<demoId>.cast.tmp-<pid>-<n>` files of dead processes; returns the removed paths. */
export async function removeStaleCastTemps(
  dir: string,
  demoId: string,
  { fs, isAlive = isProcessAlive }: { fs: CastFileSystem; isAlive?: (pid: number) => boolean },
): Promise<string[]> {
  const names = await fs.listDirectory(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const temp = parseCastTempName(name);
    if (!temp || temp.demoId !== demoId || temp.pid === process.pid || isAlive(temp.pid)) continue;
    const path = join(dir, name);
    await fs.remove(path).then(
      () => removed.push(path),
      () => undefined,
    );
  }
  return removed;
}
