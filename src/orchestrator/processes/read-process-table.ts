// What Linux says about processes, from /proc: identity (pid + start time, field 22 of
// /proc/<pid>/stat, so a recycled pid is never mistaken for ours), family (ppid, process group,
// session), state (a zombie counts as gone), environment and command line. Synchronous and
// cheap: a few small reads per process. Returns nothing (never throws) for a process that vanished
// or that we may not read.
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  pgrp: number;
  sid: number;
  /** R, S, D, Z (zombie), T… */
  state: string;
  /** Clock ticks since boot when the process started (field 22). */
  startTime: number;
}

export const PROC_ROOT = '/proc';
const USER_HZ = 100;

/** Fields 3 onwards of /proc/<pid>/stat (`fields[n - 3]` is field n), or undefined. */
function readStatFields(pid: number, procRoot: string): string[] | undefined {
  let stat: string;
  try {
    stat = readFileSync(`${procRoot}/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // Field 2 (comm) is in parentheses and may hold spaces or parentheses: split after the last ')'.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

export function readProcessInfo(pid: number, procRoot: string = PROC_ROOT): ProcessInfo | undefined {
  const fields = readStatFields(pid, procRoot);
  if (fields === undefined) return undefined;
  const field = (index: number): number => Number(fields[index - 3]);
  return { pid, state: fields[0] ?? '?', ppid: field(4), pgrp: field(5), sid: field(6), startTime: field(22) };
}

/** CPU time the process has used, user + system (fields 14 and 15), in seconds; undefined if gone. */
export function readProcessCpuSeconds(pid: number, procRoot: string = PROC_ROOT): number | undefined {
  const fields = readStatFields(pid, procRoot);
  return fields === undefined ? undefined : (Number(fields[14 - 3]) + Number(fields[15 - 3])) / USER_HZ;
}

/** Clock ticks since boot now, one tick early (USER_HZ is 100 on Linux): a lower bound for the start time of any process started from now on. */
export function readBootTicks(procRoot: string = PROC_ROOT): number {
  try {
    const uptime = Number.parseFloat(readFileSync(`${procRoot}/uptime`, 'utf8'));
    return Math.max(0, Math.floor(uptime * USER_HZ) - 1);
  } catch {
    return 0;
  }
}

export function readProcessStartTime(pid: number, procRoot: string = PROC_ROOT): number | undefined {
  return readProcessInfo(pid, procRoot)?.startTime;
}

/** Alive and not a zombie; when `startTime` is given, also the same process (not a recycled pid). */
export function isProcessAlive(pid: number, startTime?: number, procRoot: string = PROC_ROOT): boolean {
  const info = readProcessInfo(pid, procRoot);
  if (info === undefined || info.state === 'Z' || info.state === 'X') return false;
  return startTime === undefined || info.startTime === startTime;
}

export function readProcessTable(procRoot: string = PROC_ROOT): ProcessInfo[] {
  let names: string[];
  try {
    names = readdirSync(procRoot);
  } catch {
    return [];
  }
  const table: ProcessInfo[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    const info = readProcessInfo(Number(name), procRoot);
    if (info !== undefined && info.state !== 'Z' && info.state !== 'X') table.push(info);
  }
  return table;
}

/** One variable of the environment the process was started with (unreadable: undefined). */
export function readProcessEnvironValue(pid: number, name: string, procRoot: string = PROC_ROOT): string | undefined {
  let environ: Buffer;
  try {
    environ = readFileSync(`${procRoot}/${pid}/environ`);
  } catch {
    return undefined;
  }
  const prefix = Buffer.from(`${name}=`);
  let start = 0;
  while (start < environ.length) {
    let end = environ.indexOf(0, start);
    if (end === -1) end = environ.length;
    if (end - start >= prefix.length && environ.subarray(start, start + prefix.length).equals(prefix)) {
      return environ.subarray(start + prefix.length, end).toString('utf8');
    }
    start = end + 1;
  }
  return undefined;
}

/** The command line, arguments joined by spaces (kernel threads: the name in brackets). */
export function readProcessCommand(pid: number, procRoot: string = PROC_ROOT): string | undefined {
  try {
    const cmdline = readFileSync(`${procRoot}/${pid}/cmdline`, 'utf8').replace(/\0+$/, '').split('\0').join(' ');
    if (cmdline.length > 0) return cmdline;
    return `[${readFileSync(`${procRoot}/${pid}/comm`, 'utf8').trim()}]`;
  } catch {
    return undefined;
  }
}
