// What this machine is, as far as the node's configuration cares: the CPU architecture, the
// cgroup layout, whether systemd is the init, whether root may lower oom_score_adj, and where
// the CNI plugins are. Every read is injectable so tests describe machines we do not have.
import { access, readFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { join } from 'node:path';
import { DemystifyError } from '../../shared/index.ts';

export type NodeArch = 'amd64' | 'arm64';

export type NodeFacts = {
  arch: NodeArch;
  /** 2 when /sys/fs/cgroup is the unified hierarchy, 1 for legacy or hybrid layouts. */
  cgroupVersion: 1 | 2;
  initIsSystemd: boolean;
  /** Without CAP_SYS_RESOURCE runc cannot lower oom_score_adj: CRI sandboxes then fail. */
  hasCapSysResource: boolean;
  /** First directory holding the plugins the bridge conflist needs; undefined when none does. */
  cniBinDir: string | undefined;
};

export const CNI_REQUIRED_PLUGINS = ['bridge', 'host-local', 'portmap', 'loopback'] as const;
export const SYSTEM_CNI_BIN_DIRS = ['/opt/cni/bin', '/usr/lib/cni', '/usr/libexec/cni'] as const;
const CAP_SYS_RESOURCE_BIT = 24n;

export type DetectNodeFactsOptions = {
  /** The workspace: `<workspace>/cni/bin` is tried before the system directories. */
  workspace?: string;
  cniBinDirCandidates?: readonly string[];
  readText?: (path: string) => Promise<string>;
  isExecutable?: (path: string) => Promise<boolean>;
  exists?: (path: string) => Promise<boolean>;
  processArch?: string;
  uid?: number;
};

export function normalizeArch(processArch: string): NodeArch {
  if (processArch === 'x64' || processArch === 'amd64') return 'amd64';
  if (processArch === 'arm64' || processArch === 'aarch64') return 'arm64';
  throw new DemystifyError('BAD_INPUT', `Expected an amd64 or arm64 machine (the talk's binaries exist for those), got "${processArch}".`);
}

/** Reads a capability mask line (`CapEff:\t000001fffeffffff`) from /proc/<pid>/status text. */
export function parseCapabilityMask(status: string, field: 'CapEff' | 'CapBnd' | 'CapPrm'): bigint {
  const line = status.split('\n').find((candidate) => candidate.startsWith(`${field}:`));
  const hex = line?.slice(field.length + 1).trim();
  if (hex === undefined || !/^[0-9a-f]+$/i.test(hex)) {
    throw new DemystifyError('BAD_INPUT', `Expected a "${field}:" line in /proc/self/status, got ${line === undefined ? 'none' : JSON.stringify(line)}.`);
  }
  return BigInt(`0x${hex}`);
}

export function hasCapability(mask: bigint, bit: bigint): boolean {
  return (mask & (1n << bit)) !== 0n;
}

const defaultIsExecutable = async (path: string): Promise<boolean> =>
  access(path, constants.X_OK).then(() => true, () => false);
const defaultExists = async (path: string): Promise<boolean> => access(path).then(() => true, () => false);

export async function detectNodeFacts(options: DetectNodeFactsOptions = {}): Promise<NodeFacts> {
  const {
    workspace,
    readText = (path) => readFile(path, 'utf8'),
    isExecutable = defaultIsExecutable,
    exists = defaultExists,
    processArch = process.arch,
    uid = process.getuid?.() ?? 0,
  } = options;
  const candidates = options.cniBinDirCandidates ?? [
    ...(workspace === undefined ? [] : [join(workspace, 'cni', 'bin')]),
    ...SYSTEM_CNI_BIN_DIRS,
  ];
  let cniBinDir: string | undefined;
  for (const dir of candidates) {
    const found = await Promise.all(CNI_REQUIRED_PLUGINS.map((plugin) => isExecutable(join(dir, plugin))));
    if (found.every(Boolean)) {
      cniBinDir = dir;
      break;
    }
  }
  const status = await readText('/proc/self/status');
  // root's effective set is what a `sudo containerd` gets; for another user, the bounding set is.
  const mask = parseCapabilityMask(status, uid === 0 ? 'CapEff' : 'CapBnd');
  const init = await readText('/proc/1/comm').catch(() => '');
  return {
    arch: normalizeArch(processArch),
    cgroupVersion: (await exists('/sys/fs/cgroup/cgroup.controllers')) ? 2 : 1,
    initIsSystemd: init.trim() === 'systemd',
    hasCapSysResource: hasCapability(mask, CAP_SYS_RESOURCE_BIT),
    cniBinDir,
  };
}
