// The cache keeps extracted executables (not archives) plus one record per artifact: the URL, the
// verified archive sha256 and each executable's sha256 and size. A current record means "no network".
import { lstat, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArtifactForArch } from './binary-manifest.ts';
import type { VerifiedBy } from './lock-file.ts';
import { resolveInstallDir, resolveProfileCacheDir } from './cache-dir.ts';
import { hashFile } from './extract-executables.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

export interface CacheRecord {
  artifact: string;
  version: string;
  arch: string;
  url: string;
  sha256: string;
  verifiedBy: VerifiedBy;
  executables: Record<string, { sha256: string; size: number }>;
}

/** `quick` checks presence and size (for doctor and linking); `full` re-hashes every file (for fetch). */
export type CacheCheck = 'quick' | 'full';

export interface CacheLocation {
  cacheDir: string;
  profile: string;
}

export function resolveCacheRecordPath({ cacheDir, profile }: CacheLocation, artifact: ArtifactForArch): string {
  return join(resolveProfileCacheDir(cacheDir, profile, artifact.arch), 'verified', `${artifact.name}.json`);
}

export function resolveCachedExecutablePath({ cacheDir, profile }: CacheLocation, artifact: ArtifactForArch, name: string): string {
  return join(resolveInstallDir(cacheDir, profile, artifact.arch, artifact.installDir), name);
}

export async function readCacheRecord(location: CacheLocation, artifact: ArtifactForArch): Promise<CacheRecord | undefined> {
  try {
    return JSON.parse(await readFile(resolveCacheRecordPath(location, artifact), 'utf8')) as CacheRecord;
  } catch {
    return undefined;
  }
}

export async function writeCacheRecord(location: CacheLocation, artifact: ArtifactForArch, record: CacheRecord): Promise<void> {
  await writeFileAtomic(resolveCacheRecordPath(location, artifact), `${JSON.stringify(record, null, 2)}\n`);
}

export async function removeCacheRecord(location: CacheLocation, artifact: ArtifactForArch): Promise<void> {
  await rm(resolveCacheRecordPath(location, artifact), { force: true });
}

/**
 * The record if the cache holds this artifact, verified, for this URL and (when known) this hash,
 * with every executable present and intact; undefined otherwise.
 */
export async function findVerifiedCacheRecord(
  location: CacheLocation,
  artifact: ArtifactForArch,
  expectedSha256: string | undefined,
  check: CacheCheck,
): Promise<CacheRecord | undefined> {
  const record = await readCacheRecord(location, artifact);
  if (!record || record.url !== artifact.url || (expectedSha256 !== undefined && record.sha256 !== expectedSha256)) return undefined;
  for (const { name } of artifact.executables) {
    const expected = record.executables[name];
    const path = resolveCachedExecutablePath(location, artifact, name);
    const stats = await lstat(path).catch(() => undefined);
    if (!expected || !stats?.isFile() || stats.size !== expected.size || (stats.mode & 0o111) === 0) return undefined;
    if (check === 'full' && (await hashFile(path)) !== expected.sha256) return undefined;
  }
  return record;
}
