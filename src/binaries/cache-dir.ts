// Where verified executables live: $DEMYSTIFY_CACHE_DIR, else $XDG_CACHE_HOME/demystify, else ~/.cache/demystify.
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { Arch, InstallDir } from './binary-manifest.ts';

export function resolveCacheDir(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const override = env['DEMYSTIFY_CACHE_DIR'];
  if (override) return resolve(override);
  const xdg = env['XDG_CACHE_HOME'];
  // The XDG spec says a relative XDG_CACHE_HOME is invalid and must be ignored.
  if (xdg && isAbsolute(xdg)) return join(xdg, 'demystify');
  return join(home, '.cache', 'demystify');
}

/** <cache>/binaries/<profile>/<arch>: bin/, cni/ and verified/<artifact>.json records. */
export function resolveProfileCacheDir(cacheDir: string, profile: string, arch: Arch): string {
  return join(cacheDir, 'binaries', profile, arch);
}

export function resolveInstallDir(cacheDir: string, profile: string, arch: Arch, installDir: InstallDir): string {
  return join(resolveProfileCacheDir(cacheDir, profile, arch), installDir);
}

/** Downloads and extractions are staged here, on the same filesystem, then renamed into place. */
export function resolveStagingRoot(cacheDir: string): string {
  return join(cacheDir, 'binaries', '.tmp');
}
