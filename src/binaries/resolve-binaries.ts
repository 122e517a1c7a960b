// For each executable of a profile: the pinned one from the cache, else an installed one (with its
// version and how it differs), else missing with the command that fetches it.
import type { Arch, InstallDir } from './binary-manifest.ts';
import { createArtifactForArch } from './binary-manifest.ts';
import { resolveCacheDir } from './cache-dir.ts';
import { findVerifiedCacheRecord, resolveCachedExecutablePath } from './cache-record.ts';
import { detectHostArch, DEFAULT_MANIFEST_PATH, loadManifest, parseArch, resolveLockPath, selectProfile } from './load-manifest.ts';
import { findLockEntry, readLock } from './lock-file.ts';
import { findSystemBinary, resolveSystemDirs, type SystemDirs } from './system-binary.ts';
import { detectVersion, findOwningPackages, runCommand, type InstalledPackage, type RunCommand } from './version-probe.ts';
import { resolveWorkspaceBinaryPath, resolveWorkspaceDir } from './workspace-layout.ts';

export type BinarySource = 'pinned' | 'system' | 'missing';

export interface ResolvedBinary {
  name: string;
  artifact: string;
  component: string;
  installDir: InstallDir;
  /** Only needed for an online option of the talk (cilium). */
  optional: boolean;
  source: BinarySource;
  /** The real file: in the cache (pinned) or on the system; absent when missing. */
  path?: string;
  /** Where it is (or would be) linked: <workspace>/bin/<name> or <workspace>/cni/bin/<name>. */
  workspacePath: string;
  version?: string;
  pinnedVersion: string;
  /** The Debian package of a system binary. */
  package?: InstalledPackage;
  /** One readable line: "etcd 3.4.23 from /usr/bin/etcd (Debian package etcd-server) instead of pinned 3.5.14". */
  note: string;
  /** The command that fetches the pinned version (missing or different). */
  fix?: string;
}

export interface ResolveBinariesOptions {
  profile?: string | undefined;
  workspace?: string | undefined;
  arch?: Arch | undefined;
  manifestPath?: string | undefined;
  lockPath?: string | undefined;
  cacheDir?: string | undefined;
  env?: NodeJS.ProcessEnv | undefined;
  systemDirs?: SystemDirs | undefined;
  run?: RunCommand | undefined;
  /** Artifact names to resolve; default: every artifact of the profile. */
  only?: string[] | undefined;
}

export function renderFetchCommand(artifact: string, profile: string, defaultProfile: string): string {
  return `npx demystify fetch${profile === defaultProfile ? '' : ` --profile ${profile}`} --only ${artifact}`;
}

export function renderSystemNote(name: string, path: string, version: string | undefined, pinnedVersion: string, pkg: InstalledPackage | undefined): string {
  const where = `from ${path}${pkg ? ` (Debian package ${pkg.name})` : ' (system)'}`;
  if (version === pinnedVersion) return `${name} ${version} ${where}, the pinned version`;
  return `${name} ${version ?? '(version unknown)'} ${where} instead of pinned ${pinnedVersion}`;
}

type Candidate = Omit<ResolvedBinary, 'note' | 'source'> & { source: BinarySource; fixCommand: string };

async function findCandidates(options: ResolveBinariesOptions): Promise<Candidate[]> {
  const manifestPath = options.manifestPath ?? DEFAULT_MANIFEST_PATH;
  const manifest = await loadManifest(manifestPath);
  const selected = selectProfile(manifest, options.profile);
  const arch = parseArch(options.arch, selected);
  const env = options.env ?? process.env;
  const cacheDir = options.cacheDir ?? resolveCacheDir(env);
  const workspace = options.workspace ?? 'workspace';
  const lock = await readLock(options.lockPath ?? resolveLockPath(manifestPath));
  // An installed binary of another architecture is no fallback; our own workspace links are none either.
  const systemDirs = arch !== detectHostArch() ? undefined : (options.systemDirs ?? resolveSystemDirs(env, [resolveWorkspaceDir(workspace, 'bin'), resolveWorkspaceDir(workspace, 'cni')]));
  const specs = selected.profile.artifacts.filter((spec) => !options.only || options.only.includes(spec.name));
  const perArtifact = await Promise.all(
    specs.map(async (spec) => {
      const artifact = createArtifactForArch(spec, arch);
      const lockSha256 = findLockEntry(lock, selected.name, artifact.name, arch, artifact.url)?.sha256;
      const record = await findVerifiedCacheRecord({ cacheDir, profile: selected.name }, artifact, artifact.pinnedSha256 ?? lockSha256, 'quick');
      const fixCommand = renderFetchCommand(artifact.name, selected.name, manifest.defaultProfile);
      return Promise.all(
        artifact.executables.map(async ({ name }): Promise<Candidate> => {
          const base = { name, artifact: artifact.name, component: artifact.component, installDir: artifact.installDir, optional: artifact.optional, pinnedVersion: artifact.version, workspacePath: resolveWorkspaceBinaryPath(workspace, artifact.installDir, name), fixCommand };
          if (record) return { ...base, source: 'pinned', path: resolveCachedExecutablePath({ cacheDir, profile: selected.name }, artifact, name), version: artifact.version };
          const path = systemDirs ? await findSystemBinary(name, artifact.installDir, systemDirs) : undefined;
          return path === undefined ? { ...base, source: 'missing' } : { ...base, source: 'system', path };
        }),
      );
    }),
  );
  return perArtifact.flat();
}

export async function resolveBinaries(options: ResolveBinariesOptions = {}): Promise<ResolvedBinary[]> {
  const run = options.run ?? runCommand;
  const candidates = await findCandidates(options);
  const systemPaths = candidates.flatMap((c) => (c.source === 'system' && c.path ? [c.path] : []));
  const packages = await findOwningPackages(systemPaths, run);
  return Promise.all(
    candidates.map(async ({ fixCommand, ...binary }): Promise<ResolvedBinary> => {
      if (binary.source === 'pinned') return { ...binary, note: `${binary.name} ${binary.pinnedVersion} (pinned, verified in the cache)` };
      if (binary.source === 'missing' || binary.path === undefined) {
        return { ...binary, note: `${binary.name} ${binary.pinnedVersion} is missing: run \`${fixCommand}\``, fix: fixCommand };
      }
      const pkg = packages.get(binary.path);
      const version = await detectVersion(binary.path, binary.name, binary.installDir, pkg, run);
      return {
        ...binary,
        ...(version === undefined ? {} : { version }),
        ...(pkg === undefined ? {} : { package: pkg }),
        note: renderSystemNote(binary.name, binary.path, version, binary.pinnedVersion, pkg),
        ...(version === binary.pinnedVersion ? {} : { fix: fixCommand }),
      };
    }),
  );
}
