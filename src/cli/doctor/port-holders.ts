// Who listens on a TCP port: /proc/net/tcp{,6} gives the socket inode, /proc/<pid>/fd/* links
// (`socket:[inode]`) give the process. Without root, other users' processes stay anonymous.
import { readdir, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';

const TCP_LISTEN_STATE = '0A';
const COMMAND_MAX_CHARS = 100;

export interface ListeningSocket {
  address: string;
  port: number;
  inode: number;
}

export interface PortHolder {
  pid: number;
  command: string;
}

function decodeAddress(hex: string): string {
  const bytes = (hex.match(/../g) ?? []).map((byte) => Number.parseInt(byte, 16));
  // The kernel prints each 32-bit word in host (little-endian) order.
  const words = [];
  for (let i = 0; i < bytes.length; i += 4) words.push(...bytes.slice(i, i + 4).reverse());
  if (words.length === 4) return words.join('.');
  const groups: string[] = [];
  for (let i = 0; i < words.length; i += 2) groups.push((((words[i] ?? 0) << 8) | (words[i + 1] ?? 0)).toString(16));
  return `[${compressIpv6(groups)}]`;
}

function compressIpv6(groups: string[]): string {
  let best = { start: -1, length: 1 };
  for (let start = 0; start < groups.length; start += 1) {
    let length = 0;
    while (groups[start + length] === '0') length += 1;
    if (length > best.length) best = { start, length };
  }
  if (best.start < 0) return groups.join(':');
  return `${groups.slice(0, best.start).join(':')}::${groups.slice(best.start + best.length).join(':')}`;
}

/** The LISTEN sockets of a /proc/net/tcp or tcp6 file. */
export function parseProcNetTcp(text: string): ListeningSocket[] {
  return text
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length >= 10 && fields[3] === TCP_LISTEN_STATE)
    .map((fields) => {
      const [address = '', port = '0'] = (fields[1] ?? '').split(':');
      return { address: decodeAddress(address), port: Number.parseInt(port, 16), inode: Number(fields[9]) };
    });
}

export async function readListeningSockets(procRoot = '/proc'): Promise<ListeningSocket[]> {
  const files = await Promise.all(['tcp', 'tcp6'].map((name) => readFile(join(procRoot, 'net', name), 'utf8').catch(() => '')));
  return files.flatMap(parseProcNetTcp);
}

async function readCommand(procRoot: string, pid: string): Promise<string> {
  const cmdline = await readFile(join(procRoot, pid, 'cmdline'), 'utf8').catch(() => '');
  const command = cmdline.split('\0').filter(Boolean).join(' ') || (await readFile(join(procRoot, pid, 'comm'), 'utf8').catch(() => '?')).trim();
  return command.length > COMMAND_MAX_CHARS ? `${command.slice(0, COMMAND_MAX_CHARS)}…` : command;
}

/** Maps socket inodes to the processes holding them (those whose fds we may read). */
export async function findSocketHolders(inodes: number[], procRoot = '/proc'): Promise<Map<number, PortHolder[]>> {
  const wanted = new Set(inodes.map((inode) => `socket:[${inode}]`));
  const holders = new Map<number, PortHolder[]>();
  if (wanted.size === 0) return holders;
  const pids = (await readdir(procRoot).catch(() => [])).filter((entry) => /^\d+$/.test(entry));
  for (const pid of pids) {
    const fds = await readdir(join(procRoot, pid, 'fd')).catch(() => []);
    for (const fd of fds) {
      const target = await readlink(join(procRoot, pid, 'fd', fd)).catch(() => '');
      if (!wanted.has(target)) continue;
      const inode = Number(target.slice(8, -1));
      const list = holders.get(inode) ?? [];
      if (!list.some((holder) => holder.pid === Number(pid))) list.push({ pid: Number(pid), command: await readCommand(procRoot, pid) });
      holders.set(inode, list);
    }
  }
  return holders;
}
