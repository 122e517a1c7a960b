// A process's memory from /proc/<pid>/status: resident now (VmRSS) and its peak (VmHWM), in MiB.
import { readFileSync } from 'node:fs';

export interface ProcessMemory {
  rssMiB: number;
  peakMiB: number;
}

export function readProcessMemory(pid: number): ProcessMemory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) / 1024;
  return { rssMiB: field('VmRSS'), peakMiB: field('VmHWM') };
}
