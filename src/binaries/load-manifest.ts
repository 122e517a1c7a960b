// Reads the committed manifest (or a test's), picks a profile and an architecture.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DemystifyError } from '../shared/index.ts';
import { ARCHES, type Arch, type BinaryManifest, type ProfileSpec } from './binary-manifest.ts';
import { parseManifest } from './parse-manifest.ts';

export const DEFAULT_MANIFEST_PATH = fileURLToPath(new URL('../../binaries/manifest.json', import.meta.url));

/** The lock file sits beside its manifest: binaries/lock.json. */
export function resolveLockPath(manifestPath: string): string {
  return join(dirname(manifestPath), 'lock.json');
}

export async function loadManifest(manifestPath: string = DEFAULT_MANIFEST_PATH): Promise<BinaryManifest> {
  let text: string;
  try {
    text = await readFile(manifestPath, 'utf8');
  } catch (error) {
    throw new DemystifyError('BAD_INPUT', `Cannot read the binaries manifest ${manifestPath}: expected a JSON file there (the committed one is binaries/manifest.json).`, { cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DemystifyError('BAD_INPUT', `${manifestPath}: Expected JSON, got a parse error: ${(error as Error).message}.`, { cause: error });
  }
  return parseManifest(value, manifestPath);
}

export interface SelectedProfile {
  name: string;
  profile: ProfileSpec;
}

export function selectProfile(manifest: BinaryManifest, name: string = manifest.defaultProfile): SelectedProfile {
  const profile = manifest.profiles[name];
  if (!profile) {
    throw new DemystifyError('BAD_INPUT', `Expected --profile to be one of ${Object.keys(manifest.profiles).join(', ')}, got "${name}".`);
  }
  return { name, profile };
}

/** This machine's architecture in release-file terms (x64 → amd64). */
export function detectHostArch(nodeArch: string = process.arch): Arch | undefined {
  if (nodeArch === 'x64') return 'amd64';
  if (nodeArch === 'arm64') return 'arm64';
  return undefined;
}

export function parseArch(value: string | undefined, profile: SelectedProfile): Arch {
  const arch = value ?? detectHostArch();
  if (arch === undefined) {
    throw new DemystifyError('BAD_INPUT', `Expected this machine to be amd64 or arm64, got ${process.arch}: pass --arch amd64 or --arch arm64.`);
  }
  if (!(ARCHES as readonly string[]).includes(arch) || !profile.profile.arches.includes(arch as Arch)) {
    throw new DemystifyError('BAD_INPUT', `Expected --arch to be one of ${profile.profile.arches.join(', ')} (profile ${profile.name}), got "${arch}".`);
  }
  return arch as Arch;
}
