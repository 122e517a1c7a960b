// One artifact for one architecture: cache hit (no network), or download → verify → extract → record.
// Everything is staged under <cache>/binaries/.tmp and removed on any failure: nothing partial is kept.
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { DemystifyError, isDemystifyError } from '../shared/index.ts';
import type { ArtifactForArch } from './binary-manifest.ts';
import { resolveInstallDir } from './cache-dir.ts';
import { findVerifiedCacheRecord, removeCacheRecord, writeCacheRecord, type CacheLocation } from './cache-record.ts';
import { downloadFile, fetchText as defaultFetchText } from './download-file.ts';
import { resolveExpectedHash, verifyDigest } from './expected-hash.ts';
import { extractExecutables } from './extract-executables.ts';
import type { FetchEventListener } from './fetch-events.ts';
import { findLockEntry, readLock, recordLockEntry, type LockEntry, type VerifiedBy } from './lock-file.ts';
import { applyMirror, MIRROR_ENV } from './mirror-url.ts';
import { createStagingDir, removeStagingDir } from './staging-dir.ts';

export interface FetchArtifactOptions extends CacheLocation {
  artifact: ArtifactForArch;
  manifestPath: string;
  lockPath: string;
  mirror?: string | undefined;
  onEvent?: FetchEventListener | undefined;
  fetchText?: ((url: string) => Promise<string>) | undefined;
  download?: typeof downloadFile | undefined;
  /** Aborting (Ctrl-C) cancels the download in flight; nothing partial is kept. */
  signal?: AbortSignal | undefined;
}

export interface ArtifactFetchResult {
  status: 'cached' | 'fetched';
  sha256: string;
  verifiedBy: VerifiedBy;
}

/** Runs a network step; a DOWNLOAD_FAILED error gets "nothing was kept" and the fix for this URL. */
async function withDownloadFix<T>(upstreamUrl: string, mirror: string | undefined, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (!isDemystifyError(error) || error.code !== 'DOWNLOAD_FAILED') throw error;
    const upstream = new URL(upstreamUrl);
    const fix = mirror
      ? `Fix: check that the mirror ${MIRROR_ENV}=${mirror} serves ${upstream.host}${upstream.pathname} (upstream ${upstreamUrl}), or unset ${MIRROR_ENV}; then run \`npx demystify fetch\` again.`
      : `Fix: check the network (or proxy), or set ${MIRROR_ENV}=<base> to a mirror laid out as <base>/<host>/<path>; then run \`npx demystify fetch\` again.`;
    throw new DemystifyError(error.code, `${error.message} Nothing was kept. ${fix}`, { cause: error });
  }
}

async function installArtifact(options: FetchArtifactOptions, staging: string, lockEntry: LockEntry | undefined): Promise<ArtifactFetchResult> {
  const { artifact, profile, cacheDir, lockPath, mirror, onEvent, signal } = options;
  const fetchText = options.fetchText ?? ((textUrl: string) => defaultFetchText(textUrl, { signal }));
  const expected = await withDownloadFix(artifact.checksum.url, mirror, () => resolveExpectedHash({ ...options, lockEntry, fetchText }));
  const url = applyMirror(artifact.url, mirror);
  onEvent?.({ kind: 'download-start', artifact, url });
  const archivePath = join(staging, artifact.fileName);
  const download = options.download ?? downloadFile;
  const { digests } = await withDownloadFix(artifact.url, mirror, () =>
    download({ url, destination: archivePath, signal, onProgress: (progress) => onEvent?.({ kind: 'download-progress', artifact, url, progress }) }),
  );
  verifyDigest(expected, digests, artifact, url);
  onEvent?.({ kind: 'verified', artifact, expected });
  const extracted = await extractExecutables(artifact, archivePath, join(staging, 'extracted'));
  // Drop the old record first: a crash while renaming never leaves a record vouching for mixed files.
  await removeCacheRecord(options, artifact);
  const installDir = resolveInstallDir(cacheDir, profile, artifact.arch, artifact.installDir);
  await mkdir(installDir, { recursive: true });
  for (const executable of extracted) await rename(executable.path, join(installDir, executable.name));
  await writeCacheRecord(options, artifact, {
    artifact: artifact.name,
    version: artifact.version,
    arch: artifact.arch,
    url: artifact.url,
    sha256: digests.sha256,
    verifiedBy: expected.source,
    executables: Object.fromEntries(extracted.map(({ name, sha256, size }) => [name, { sha256, size }])),
  });
  if (expected.source !== 'lock') {
    await recordLockEntry(lockPath, profile, artifact.name, artifact.arch, { url: artifact.url, sha256: digests.sha256, verifiedBy: expected.source });
  }
  onEvent?.({ kind: 'installed', artifact, executables: extracted.map(({ name }) => name) });
  return { status: 'fetched', sha256: digests.sha256, verifiedBy: expected.source };
}

export async function fetchArtifact(options: FetchArtifactOptions): Promise<ArtifactFetchResult> {
  const { artifact, profile, cacheDir, lockPath, onEvent } = options;
  const lockEntry = findLockEntry(await readLock(lockPath), profile, artifact.name, artifact.arch, artifact.url);
  const record = await findVerifiedCacheRecord(options, artifact, artifact.pinnedSha256 ?? lockEntry?.sha256, 'full');
  if (record) {
    if (!lockEntry) await recordLockEntry(lockPath, profile, artifact.name, artifact.arch, { url: artifact.url, sha256: record.sha256, verifiedBy: record.verifiedBy });
    onEvent?.({ kind: 'cached', artifact });
    return { status: 'cached', sha256: record.sha256, verifiedBy: record.verifiedBy };
  }
  const staging = await createStagingDir(cacheDir, `${artifact.name}-${artifact.arch}`);
  try {
    return await installArtifact(options, staging, lockEntry);
  } catch (error) {
    const failure = isDemystifyError(error) ? error : new DemystifyError('INTERNAL', `Fetching ${artifact.name} failed: ${(error as Error).message}`, { cause: error });
    onEvent?.({ kind: 'failed', artifact, error: failure });
    throw failure;
  } finally {
    await removeStagingDir(cacheDir, staging);
  }
}
