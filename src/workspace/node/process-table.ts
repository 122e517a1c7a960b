// Which containerd processes run on this machine: any at all (whoever started them), and the
// shims serving one containerd socket. Read-only: used to wait and to decide whether
// /run/containerd may go; nothing is ever stopped by name.
import { readdir, readFile } from 'node:fs/promises';

/** Zombies (exited, not yet reaped by their parent) are left out: they run nothing. */
export type ProcessEntry = { pid: number; comm: string; argv: string[] };

export async function listProcesses(procRoot = '/proc'): Promise<ProcessEntry[]> {
  const entries = await readdir(procRoot);
  const processes = await Promise.all(
    entries
      .filter((entry) => /^\d+$/.test(entry))
      .map(async (entry) => {
        const stat = await readFile(`${procRoot}/${entry}/stat`, 'utf8').catch(() => undefined);
        // "pid (comm) state …": comm may hold spaces and parentheses, the state follows the last ")".
        const state = stat?.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
        if (stat === undefined || state === 'Z' || state === 'X') return undefined;
        const comm = await readFile(`${procRoot}/${entry}/comm`, 'utf8').catch(() => undefined);
        const cmdline = await readFile(`${procRoot}/${entry}/cmdline`, 'utf8').catch(() => '');
        return comm === undefined ? undefined : { pid: Number(entry), comm: comm.trim(), argv: cmdline.split('\0').filter(Boolean) };
      }),
  );
  return processes.filter((process): process is ProcessEntry => process !== undefined);
}

/** comm is cut at 15 characters: containerd-shim-runc-v2 shows as "containerd-shim". */
export function isContainerdComm(comm: string): boolean {
  return comm === 'containerd' || comm.startsWith('containerd-shim');
}

/** Shims started by the containerd listening on `address` carry `-address <address>`. */
export function isShimOf(process: ProcessEntry, address: string): boolean {
  const index = process.argv.indexOf('-address');
  return process.comm.startsWith('containerd-shim') && index !== -1 && process.argv[index + 1] === address;
}

export async function isAnyContainerdRunning(list = listProcesses): Promise<boolean> {
  return (await list()).some((process) => isContainerdComm(process.comm));
}

export async function listShimsOf(address: string, list = listProcesses): Promise<number[]> {
  return (await list()).filter((process) => isShimOf(process, address)).map((process) => process.pid);
}
