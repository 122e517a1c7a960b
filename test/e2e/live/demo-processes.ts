// The processes a live deck started, seen from /proc: those running in the test's workspace.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface WorkspaceProcess {
  pid: number;
  comm: string;
}

/** Live (non-zombie) processes whose working directory is `workspace`. */
export function listWorkspaceProcesses(workspace: string): WorkspaceProcess[] {
  const found: WorkspaceProcess[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readlinkSync(`/proc/${entry}/cwd`) !== workspace) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      if (state === 'Z' || state === 'X') continue;
      found.push({ pid: Number(entry), comm: readFileSync(`/proc/${entry}/comm`, 'utf8').trim() });
    } catch {
      // Gone, or not ours to read.
    }
  }
  return found;
}
