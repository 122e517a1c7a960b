// What the speaker reads after `demystify reset`.
import { describe, expect, it } from 'vitest';
import { renderList, renderResetReport } from '../../../../src/cli/reset/index.ts';

describe('renderResetReport', () => {
  it('refuses plainly while a session runs, with both ways out', () => {
    const text = renderResetReport({ workspace: '/w', outcome: 'blocked', owners: [{ pid: 42, demoIds: ['etcd', 'kube-apiserver'] }] });
    expect(text).toContain('pid 42 (demos: etcd, kube-apiserver)');
    expect(text).toContain('Press Ctrl-C in its terminal');
    expect(text).toContain('npx demystify reset --force');
    expect(text).toContain('Nothing was changed.');
  });

  it('lists what was stopped, done to the node, removed and kept', () => {
    const text = renderResetReport({
      workspace: '/w',
      outcome: 'done',
      stopped: [{ runId: 'etcd-1', demoId: 'etcd', pids: [12], survivors: [] }],
      node: { containerd: false, sandboxesRemoved: [], containersRemoved: [], unmounted: [], socketsRemoved: [], problems: [] },
      removed: ['admin.conf', 'etcd-data'],
      kept: [{ path: 'notes.txt', reason: 'not made by demystify' }],
      problems: [],
    });
    expect(text).toBe(
      [
        'demystify reset: /w',
        'Stopped:',
        '  etcd (pid 12)',
        'Node: no containerd of ours was running; nothing mounted under the workspace.',
        'Removed (2):',
        '  admin.conf, etcd-data',
        'Kept (1):',
        '  notes.txt (not made by demystify)',
      ].join('\n'),
    );
  });

  it('wraps long lists under their heading', () => {
    const lines = renderList(Array.from({ length: 30 }, (_, index) => `certs/file-${index}.pem`), 60);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
    expect(lines.join(' ').replace(/\s+/g, ' ').trim().split(', ')).toHaveLength(30);
  });
});
