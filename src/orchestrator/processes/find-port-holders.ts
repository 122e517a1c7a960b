// Who listens on a TCP port: the LISTEN sockets of /proc/net/tcp and tcp6 give socket inodes,
// and /proc/<pid>/fd links (`socket:[inode]`) give the processes holding them. Processes we may
// not inspect (another user's, when we are not root) are simply not found.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { PROC_ROOT, readProcessCommand } from './read-process-table.ts';

export interface PortHolder {
  pid: number;
  command: string;
}

const TCP_LISTEN = '0A';

/** Inodes of the sockets listening on `port` in one /proc/net/tcp{,6} text. */
export function parseListeningInodes(table: string, port: number): string[] {
  const inodes: string[] = [];
  for (const line of table.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    const local = fields[1];
    if (local === undefined || fields[3] !== TCP_LISTEN) continue;
    const localPort = Number.parseInt(local.slice(local.lastIndexOf(':') + 1), 16);
    const inode = fields[9];
    if (localPort === port && inode !== undefined && inode !== '0') inodes.push(inode);
  }
  return inodes;
}

export function findListeningInodes(port: number, procRoot: string = PROC_ROOT): string[] {
  return ['tcp', 'tcp6'].flatMap((file) => {
    try {
      return parseListeningInodes(readFileSync(`${procRoot}/net/${file}`, 'utf8'), port);
    } catch {
      return [];
    }
  });
}

export function findPortHolders(port: number, procRoot: string = PROC_ROOT): PortHolder[] {
  const wanted = new Set(findListeningInodes(port, procRoot).map((inode) => `socket:[${inode}]`));
  if (wanted.size === 0) return [];
  const holders: PortHolder[] = [];
  for (const name of readdirSync(procRoot)) {
    if (!/^\d+$/.test(name)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`${procRoot}/${name}/fd`);
    } catch {
      continue;
    }
    const holds = fds.some((fd) => {
      try {
        return wanted.has(readlinkSync(`${procRoot}/${name}/fd/${fd}`));
      } catch {
        return false;
      }
    });
    if (holds) {
      const pid = Number(name);
      holders.push({ pid, command: readProcessCommand(pid, procRoot) ?? '?' });
    }
  }
  return holders;
}
