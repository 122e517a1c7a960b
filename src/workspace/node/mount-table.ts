// Mounts under a directory, from /proc/self/mountinfo, deepest first: what must be unmounted
// before the directory can go (container rootfs overlays, shm, netns bind mounts).
import { readFile } from 'node:fs/promises';

/** mountinfo escapes space, tab, newline and backslash as \ooo. */
export function decodeMountPath(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

export function parseMountPoints(mountinfo: string): string[] {
  return mountinfo
    .split('\n')
    .map((line) => line.split(' ')[4])
    .filter((field): field is string => field !== undefined && field !== '')
    .map(decodeMountPath);
}

export function selectMountsUnder(mountPoints: readonly string[], roots: readonly string[]): string[] {
  const inside = mountPoints.filter((point) => roots.some((root) => point.startsWith(`${root.replace(/\/+$/, '')}/`)));
  return [...new Set(inside)].sort((a, b) => b.length - a.length || (a < b ? 1 : -1));
}

export async function listMountsUnder(roots: readonly string[], readText = (path: string) => readFile(path, 'utf8')): Promise<string[]> {
  return selectMountsUnder(parseMountPoints(await readText('/proc/self/mountinfo')), roots);
}
