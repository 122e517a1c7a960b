// What `demystify reset` prints: what was stopped, what the node cleanup did, what was removed and
// what was kept (and why), problems last. Lists wrap at WRAP_COLUMNS under their heading.
import type { ResetReport } from './run-reset.ts';

export const WRAP_COLUMNS = 100;
const INDENT = '  ';

/** `items` joined by ", ", wrapped into indented lines. */
export function renderList(items: readonly string[], columns = WRAP_COLUMNS): string[] {
  const lines: string[] = [];
  let line = '';
  for (const [index, item] of items.entries()) {
    const word = index < items.length - 1 ? `${item},` : item;
    if (line !== '' && INDENT.length + line.length + 1 + word.length > columns) {
      lines.push(`${INDENT}${line}`);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(`${INDENT}${line}`);
  return lines;
}

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

export function renderResetReport(report: ResetReport): string {
  if (report.outcome === 'absent') return `demystify reset: nothing to do, ${report.workspace} does not exist.`;
  if (report.outcome === 'blocked') {
    const sessions = report.owners.map((owner) => `pid ${owner.pid} (demos: ${owner.demoIds.join(', ')})`).join('; ');
    return [
      `demystify reset: a demystify session is still running demos in ${report.workspace}: ${sessions}.`,
      'Expected no live session. Press Ctrl-C in its terminal (it stops its demos), then run `npx demystify reset` again;',
      'or run `npx demystify reset --force` to stop them now (its slides will show them stopped). Nothing was changed.',
    ].join('\n');
  }
  const lines = [`demystify reset: ${report.workspace}`];
  const stopped = report.stopped.map((run) => `${run.demoId} (${run.pids.length === 1 ? 'pid' : 'pids'} ${run.pids.join(', ')})`);
  lines.push(stopped.length === 0 ? 'Stopped: nothing of ours was running.' : 'Stopped:', ...renderList(stopped));
  const { node } = report;
  const nodeParts = [
    node.containerd ? `our containerd emptied through its socket (${plural(node.sandboxesRemoved.length, 'pod sandbox', 'pod sandboxes')}, ${plural(node.containersRemoved.length, 'container')}) and stopped` : 'no containerd of ours was running',
    node.unmounted.length === 0 ? 'nothing mounted under the workspace' : `${plural(node.unmounted.length, 'mount')} under the workspace unmounted`,
    ...(node.conflistRemoved === undefined ? [] : [`${node.conflistRemoved} removed`]),
    ...(node.socketsRemoved.length === 0 ? [] : [`its sockets removed (${node.socketsRemoved.join(', ')})`]),
  ];
  lines.push(`Node: ${nodeParts.join('; ')}.`);
  lines.push(report.removed.length === 0 ? 'Removed: nothing.' : `Removed (${report.removed.length}):`, ...renderList(report.removed));
  const kept = report.kept.map((entry) => `${entry.path} (${entry.reason})`);
  lines.push(kept.length === 0 ? 'Kept: nothing.' : `Kept (${kept.length}):`, ...renderList(kept));
  if (report.problems.length > 0) lines.push('Problems:', ...report.problems.map((problem) => `${INDENT}${problem}`));
  return lines.join('\n');
}
