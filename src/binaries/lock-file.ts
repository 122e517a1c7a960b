// binaries/lock.json: the sha256 seen and verified for each profile/artifact/arch (trust on first use).
// Once recorded, a hash pins every later download of that URL, like a package lockfile.
import { readFile } from 'node:fs/promises';
import { DemystifyError } from '../shared/index.ts';
import type { Arch } from './binary-manifest.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

export type VerifiedBy = 'pinned' | 'lock' | 'checksum-file';

export interface LockEntry {
  url: string;
  sha256: string;
  verifiedBy: VerifiedBy;
}

export interface BinaryLock {
  version: 1;
  profiles: Record<string, Record<string, Partial<Record<Arch, LockEntry>>>>;
}

export function createEmptyLock(): BinaryLock {
  return { version: 1, profiles: {} };
}

export async function readLock(lockPath: string): Promise<BinaryLock> {
  let text: string;
  try {
    text = await readFile(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return createEmptyLock();
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DemystifyError('BAD_INPUT', `${lockPath}: Expected JSON, got a parse error (${(error as Error).message}). Restore it from git or delete it to trust the checksum files again.`, { cause: error });
  }
  const lock = value as Partial<BinaryLock> | null;
  if (lock === null || typeof lock !== 'object' || lock.version !== 1 || typeof lock.profiles !== 'object' || lock.profiles === null) {
    throw new DemystifyError('BAD_INPUT', `${lockPath}: Expected {"version": 1, "profiles": {…}}, got ${text.slice(0, 80)}.`);
  }
  return lock as BinaryLock;
}

/** The recorded entry for exactly this URL (an entry for another URL, an older version, is ignored). */
export function findLockEntry(lock: BinaryLock, profile: string, artifact: string, arch: Arch, url: string): LockEntry | undefined {
  const entry = lock.profiles[profile]?.[artifact]?.[arch];
  return entry && entry.url === url ? entry : undefined;
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

/** Records a seen hash and rewrites the lock atomically (stable key order, for readable diffs). */
export async function recordLockEntry(lockPath: string, profile: string, artifact: string, arch: Arch, entry: LockEntry): Promise<void> {
  const lock = await readLock(lockPath);
  const artifacts = (lock.profiles[profile] ??= {});
  const arches = (artifacts[artifact] ??= {});
  const previous = arches[arch];
  if (previous?.url === entry.url && previous.sha256 === entry.sha256 && previous.verifiedBy === entry.verifiedBy) return;
  arches[arch] = entry;
  artifacts[artifact] = sortKeys(arches);
  lock.profiles[profile] = sortKeys(artifacts);
  lock.profiles = sortKeys(lock.profiles);
  await writeFileAtomic(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
}
