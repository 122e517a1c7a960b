// Which version is an installed executable? Ask it (`etcd --version`, `kubectl version --client`…),
// else ask dpkg which package installed it (Debian's CNI plugins say "version unknown").
import { execa } from 'execa';
import type { InstallDir } from './binary-manifest.ts';

export const VERSION_TIMEOUT_MS = 5_000;

const VERSION_ARGS: Record<string, string[]> = {
  etcdctl: ['version'],
  'containerd-shim-runc-v2': ['-v'],
  cfssl: ['version'],
  cfssljson: ['-version'],
  kubectl: ['version', '--client'],
  cilium: ['version', '--client'],
};
const DEFAULT_VERSION_ARGS = ['--version'];

export type RunCommand = (file: string, args: string[]) => Promise<{ output: string; exitCode: number | undefined }>;

export const runCommand: RunCommand = async (file, args) => {
  const result = await execa(file, args, { reject: false, all: true, timeout: VERSION_TIMEOUT_MS, stdin: 'ignore', env: { LC_ALL: 'C' } });
  return { output: result.all ?? '', exitCode: result.exitCode };
};

export function resolveVersionArgs(name: string, installDir: InstallDir): string[] {
  // A CNI plugin run without CNI_COMMAND prints "CNI bridge plugin v1.5.0" (its `about`).
  if (installDir === 'cni') return [];
  return VERSION_ARGS[name] ?? DEFAULT_VERSION_ARGS;
}

/** "v1.31.0-alpha.0" → "1.31.0-alpha.0"; Debian suffixes (~ds1, +ds1, +git…, -3+b5) are dropped. */
export function parseVersion(output: string, installDir: InstallDir = 'bin'): string | undefined {
  const pattern = installDir === 'cni' ? /plugin (?:version )?v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)/ : /(?:^|[\s:=(])v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)/m;
  return pattern.exec(output)?.[1];
}

export interface InstalledPackage {
  name: string;
  version: string;
}

/**
 * The Debian packages owning `paths`, in two dpkg-query calls whatever their number; paths no package
 * owns (hand-installed) or a machine without dpkg give no entry.
 */
export async function findOwningPackages(paths: string[], run: RunCommand = runCommand): Promise<Map<string, InstalledPackage>> {
  const owners = new Map<string, InstalledPackage>();
  if (paths.length === 0) return owners;
  try {
    // Exit code 1 when some path is not owned: the owned ones are still listed.
    const { output } = await run('dpkg-query', ['-S', ...paths]);
    const packageOf = new Map<string, string>();
    for (const line of output.split('\n')) {
      const match = /^([^\s:,]+)(?::[^\s:,]+)?(?:, [^:]+)?: (\/.*)$/.exec(line.trim());
      if (match?.[1] && match[2] && paths.includes(match[2])) packageOf.set(match[2], match[1]);
    }
    const names = [...new Set(packageOf.values())];
    if (names.length === 0) return owners;
    const versions = await run('dpkg-query', ['-W', '-f', '${Package}\t${Version}\n', ...names]);
    const versionOf = new Map(versions.output.split('\n').map((line) => line.split('\t') as [string, string]).filter(([, v]) => v));
    for (const [path, name] of packageOf) {
      const version = versionOf.get(name);
      if (version) owners.set(path, { name, version });
    }
  } catch {
    // No dpkg here: versions come from the binaries alone.
  }
  return owners;
}

/** The version an installed executable reports, else its package's upstream version. */
export async function detectVersion(path: string, name: string, installDir: InstallDir, pkg: InstalledPackage | undefined, run: RunCommand = runCommand): Promise<string | undefined> {
  const own = await run(path, resolveVersionArgs(name, installDir)).catch(() => ({ output: '', exitCode: undefined }));
  return parseVersion(own.output, installDir) ?? (pkg ? parseVersion(` ${pkg.version}`) : undefined);
}
