// The system fallback: an installed executable found on PATH (plus the sbin folders, where Debian
// puts runc), CNI plugins in /opt/cni/bin or Debian's /usr/lib/cni.
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import type { InstallDir } from './binary-manifest.ts';

export const SBIN_DIRS = ['/usr/local/sbin', '/usr/sbin', '/sbin'];
export const CNI_SYSTEM_DIRS = ['/opt/cni/bin', '/usr/lib/cni'];

export interface SystemDirs {
  bin: string[];
  cni: string[];
}

/** Folders searched for installed executables, from PATH; `exclude` keeps our own workspace links out. */
export function resolveSystemDirs(env: NodeJS.ProcessEnv = process.env, exclude: string[] = []): SystemDirs {
  const excluded = new Set(exclude.map((dir) => resolve(dir)));
  const fromPath = (env['PATH'] ?? '').split(delimiter).filter((dir) => isAbsolute(dir));
  const bin = [...new Set([...fromPath, ...SBIN_DIRS].map((dir) => resolve(dir)))].filter((dir) => !excluded.has(dir));
  return { bin, cni: CNI_SYSTEM_DIRS };
}

async function isExecutableFile(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export async function findSystemBinary(name: string, installDir: InstallDir, dirs: SystemDirs): Promise<string | undefined> {
  for (const dir of dirs[installDir]) {
    const candidate = join(dir, name);
    if (await isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}
