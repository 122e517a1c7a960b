// `demystify fetch` as a function: each selected artifact from the cache or the network, verified,
// then the workspace links (pinned, else system). One artifact failing does not stop the others.
import { DemystifyError, isDemystifyError } from '../shared/index.ts';
import { createArtifactForArch, type Arch, type ArtifactSpec, type ProfileSpec } from './binary-manifest.ts';
import { resolveCacheDir } from './cache-dir.ts';
import type { downloadFile } from './download-file.ts';
import { fetchArtifact } from './fetch-artifact.ts';
import type { FetchEventListener } from './fetch-events.ts';
import { linkWorkspaceBinaries } from './link-workspace.ts';
import { detectHostArch, DEFAULT_MANIFEST_PATH, loadManifest, parseArch, resolveLockPath, selectProfile } from './load-manifest.ts';
import type { VerifiedBy } from './lock-file.ts';
import { MIRROR_ENV, validateMirrorBase } from './mirror-url.ts';
import type { ResolvedBinary } from './resolve-binaries.ts';
import { sweepStaleStaging } from './staging-dir.ts';
import type { SystemDirs } from './system-binary.ts';

export interface FetchBinariesOptions {
  profile?: string | undefined;
  arch?: string | undefined;
  /** Artifact or executable names (`etcd`, `kube-apiserver`); default: all of the profile. */
  only?: string[] | undefined;
  workspace?: string | undefined;
  manifestPath?: string | undefined;
  lockPath?: string | undefined;
  cacheDir?: string | undefined;
  /** Reads DEMYSTIFY_MIRROR, DEMYSTIFY_CACHE_DIR, XDG_CACHE_HOME, PATH. */
  env?: NodeJS.ProcessEnv | undefined;
  systemDirs?: SystemDirs | undefined;
  onEvent?: FetchEventListener | undefined;
  fetchText?: ((url: string) => Promise<string>) | undefined;
  download?: typeof downloadFile | undefined;
  /** Abort (Ctrl-C) to cancel: the download in flight is discarded and the fetch rejects. */
  signal?: AbortSignal | undefined;
}

export type ArtifactOutcome =
  | { artifact: string; version: string; status: 'cached' | 'fetched'; sha256: string; verifiedBy: VerifiedBy }
  | { artifact: string; version: string; status: 'failed'; error: DemystifyError };

export interface FetchBinariesResult {
  profile: string;
  arch: Arch;
  artifacts: ArtifactOutcome[];
  /** What the workspace links now are; empty when --arch is not this machine's (nothing linked). */
  binaries: ResolvedBinary[];
  workspaceLinked: boolean;
}

export function selectArtifacts(profile: ProfileSpec, only: string[] | undefined): ArtifactSpec[] {
  if (!only || only.length === 0) return profile.artifacts;
  const unknown = only.filter((name) => !profile.artifacts.some((a) => a.name === name || a.executables.some((e) => e.name === name)));
  if (unknown.length > 0) {
    const artifacts = profile.artifacts.map((a) => a.name).join(', ');
    const executables = profile.artifacts.flatMap((a) => a.executables.map((e) => e.name)).join(', ');
    throw new DemystifyError('BAD_INPUT', `Expected --only to name artifacts (${artifacts}) or executables (${executables}), got ${unknown.map((n) => `"${n}"`).join(', ')}.`);
  }
  return profile.artifacts.filter((a) => only.includes(a.name) || a.executables.some((e) => only.includes(e.name)));
}

export async function fetchBinaries(options: FetchBinariesOptions = {}): Promise<FetchBinariesResult> {
  const env = options.env ?? process.env;
  const manifestPath = options.manifestPath ?? DEFAULT_MANIFEST_PATH;
  const lockPath = options.lockPath ?? resolveLockPath(manifestPath);
  const manifest = await loadManifest(manifestPath);
  const selected = selectProfile(manifest, options.profile);
  const arch = parseArch(options.arch, selected);
  const artifacts = selectArtifacts(selected.profile, options.only);
  const mirrorValue = env[MIRROR_ENV];
  const mirror = mirrorValue ? validateMirrorBase(mirrorValue) : undefined;
  const cacheDir = options.cacheDir ?? resolveCacheDir(env);
  await sweepStaleStaging(cacheDir);
  const outcomes: ArtifactOutcome[] = [];
  for (const spec of artifacts) {
    if (options.signal?.aborted) break;
    const artifact = createArtifactForArch(spec, arch);
    try {
      const result = await fetchArtifact({ ...options, artifact, profile: selected.name, cacheDir, manifestPath, lockPath, mirror });
      outcomes.push({ artifact: artifact.name, version: artifact.version, ...result });
    } catch (error) {
      if (!isDemystifyError(error)) throw error;
      outcomes.push({ artifact: artifact.name, version: artifact.version, status: 'failed', error });
    }
  }
  if (options.signal?.aborted) {
    throw new DemystifyError('DOWNLOAD_FAILED', 'Fetch cancelled: the download in progress was discarded and nothing partial was kept. Run `npx demystify fetch` again to finish (what is already verified in the cache is not downloaded again).');
  }
  const workspaceLinked = arch === detectHostArch();
  const binaries = workspaceLinked
    ? await linkWorkspaceBinaries({ ...options, profile: selected.name, arch, manifestPath, lockPath, cacheDir, env, only: artifacts.map((a) => a.name) })
    : [];
  return { profile: selected.name, arch, artifacts: outcomes, binaries, workspaceLinked };
}
