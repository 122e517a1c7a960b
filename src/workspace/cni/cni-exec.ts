// A small cnitool: runs a conflist's plugins against a network namespace the way libcni does
// (ADD in order, each receiving the previous result as prevResult; DEL in reverse order).
// Used by tests and for diagnosing a node; containerd's CRI does the same thing for pods.
import { join } from 'node:path';
import { DemystifyError } from '../../shared/index.ts';
import { runCommand, type RunCommand } from '../command-runner.ts';
import type { CniConflist } from './cni-conflist.ts';

export type CniCommand = 'ADD' | 'DEL' | 'CHECK';

export type CniResult = {
  cniVersion: string;
  interfaces?: Array<{ name: string; mac?: string; sandbox?: string }>;
  ips?: Array<{ address: string; gateway?: string; interface?: number }>;
  routes?: Array<{ dst: string; gw?: string }>;
  dns?: Record<string, unknown>;
};

export type ExecCniConflistOptions = {
  command: CniCommand;
  conflist: CniConflist;
  containerId: string;
  /** The pod's network namespace, e.g. /run/netns/<name>. */
  netnsPath: string;
  ifname?: string;
  binDir: string;
  /** Run the plugins from inside this network namespace (where the runtime and its bridge live). */
  runtimeNetns?: string;
  /** Values for plugins that declare the matching capability, e.g. { portMappings: [...] }. */
  capabilityArgs?: Record<string, unknown>;
  /** For DEL and CHECK: the result of the ADD. */
  prevResult?: CniResult;
  timeoutMs?: number;
  run?: RunCommand;
};

export const CNI_PLUGIN_TIMEOUT_MS = 30_000;

function createPluginConf(conflist: CniConflist, index: number, capabilityArgs: Record<string, unknown>, prevResult?: CniResult) {
  const plugin = conflist.plugins[index]!;
  const capabilities = (plugin.capabilities ?? {}) as Record<string, boolean>;
  const runtimeConfig = Object.fromEntries(Object.entries(capabilityArgs).filter(([key]) => capabilities[key] === true));
  return {
    ...plugin,
    name: conflist.name,
    cniVersion: conflist.cniVersion,
    ...(Object.keys(runtimeConfig).length > 0 ? { runtimeConfig } : {}),
    ...(prevResult === undefined ? {} : { prevResult }),
  };
}

function parsePluginError(stdout: string): string {
  try {
    const error = JSON.parse(stdout) as { msg?: string; details?: string; code?: number };
    return [error.msg, error.details].filter(Boolean).join(': ') || stdout.trim();
  } catch {
    return stdout.trim();
  }
}

export async function execCniConflist(options: ExecCniConflistOptions): Promise<CniResult | undefined> {
  const { command, conflist, containerId, netnsPath, ifname = 'eth0', binDir, runtimeNetns } = options;
  const { capabilityArgs = {}, timeoutMs = CNI_PLUGIN_TIMEOUT_MS, run = runCommand } = options;
  const env = {
    ...process.env,
    CNI_COMMAND: command,
    CNI_CONTAINERID: containerId,
    CNI_NETNS: netnsPath,
    CNI_IFNAME: ifname,
    CNI_PATH: binDir,
  } as Record<string, string>;
  const order = conflist.plugins.map((_, index) => index);
  if (command === 'DEL') order.reverse();
  let prevResult = options.prevResult;
  for (const index of order) {
    const conf = createPluginConf(conflist, index, capabilityArgs, prevResult);
    const plugin = join(binDir, conf.type);
    const [file, ...args] = (runtimeNetns === undefined ? [plugin] : ['nsenter', `--net=${runtimeNetns}`, plugin]) as [string, ...string[]];
    const result = await run(file, args, { input: JSON.stringify(conf), env, timeoutMs });
    if (result.exitCode !== 0) {
      const reason = result.spawnFailed ? result.stderr : parsePluginError(result.stdout) || result.stderr.trim();
      throw new DemystifyError(
        'NONZERO_EXIT',
        `CNI plugin "${conf.type}" failed on ${command} for ${containerId} (exit ${result.exitCode}): ${reason}. Expected ${plugin} to succeed with the "${conflist.name}" conflist.`,
      );
    }
    if (command === 'ADD' && result.stdout.trim() !== '') prevResult = JSON.parse(result.stdout) as CniResult;
  }
  return command === 'ADD' ? prevResult : undefined;
}

/** The pod's IPv4 address (without prefix length) from an ADD result. */
export function parsePodIp(result: CniResult | undefined): string {
  const address = result?.ips?.find((ip) => !ip.address.includes(':'))?.address;
  if (address === undefined) {
    throw new DemystifyError('BAD_INPUT', `Expected the CNI result to carry an IPv4 address, got ${JSON.stringify(result?.ips ?? null)}.`);
  }
  return address.split('/')[0]!;
}
