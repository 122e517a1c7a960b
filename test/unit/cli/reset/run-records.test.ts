// reset reads the orchestrator's run records against /proc: a live owner blocks it (pid AND start
// time must match, so a recycled pid does not), and a run whose process is a containerd is kept
// for last. A fake /proc in a temp folder stands for the real one.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findContainerdRunIds, findLiveOwners, readStartTime } from '../../../../src/cli/reset/index.ts';
import type { RunRecord } from '../../../../src/orchestrator/index.ts';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function createProc(processes: { pid: number; comm: string; state?: string; startTime: number; runId?: string }[]): string {
  const root = mkdtempSync(join(tmpdir(), 'demystify-fake-proc-'));
  roots.push(root);
  for (const { pid, comm, state = 'S', startTime, runId } of processes) {
    mkdirSync(join(root, String(pid)));
    // Fields 3… after "(comm)": state is field 3, starttime field 22.
    const fields = [state, ...Array.from({ length: 18 }, () => '0'), String(startTime), '0'];
    writeFileSync(join(root, String(pid), 'stat'), `${pid} (${comm}) ${fields.join(' ')}\n`);
    writeFileSync(join(root, String(pid), 'comm'), `${comm}\n`);
    writeFileSync(join(root, String(pid), 'environ'), ['PATH=/usr/bin', ...(runId === undefined ? [] : [`DEMYSTIFY_RUN_ID=${runId}`])].join('\0'));
  }
  return root;
}

const record = (runId: string, demoId: string, owner: { pid: number; startTime: number }): RunRecord => ({ runId, demoId, pid: 900, startTime: 1, startedAt: 0, owner, viaSudo: false });

describe('run records, read by reset', () => {
  it('reads a process start time, and none for a zombie', () => {
    const proc = createProc([{ pid: 10, comm: 'node', startTime: 4242 }, { pid: 11, comm: 'etcd', state: 'Z', startTime: 5 }]);
    expect(readStartTime(10, proc)).toBe(4242);
    expect(readStartTime(11, proc)).toBeUndefined();
    expect(readStartTime(12, proc)).toBeUndefined();
  });

  it('names the live orchestrators and their demos, not a dead one nor a recycled pid', () => {
    const proc = createProc([{ pid: 10, comm: 'node', startTime: 100 }, { pid: 20, comm: 'node', startTime: 999 }]);
    const owners = findLiveOwners(
      [record('etcd-1', 'etcd', { pid: 10, startTime: 100 }), record('api-1', 'kube-apiserver', { pid: 10, startTime: 100 }), record('etcd-0', 'etcd', { pid: 20, startTime: 200 }), record('x', 'x', { pid: 30, startTime: 1 })],
      proc,
    );
    expect(owners).toEqual([{ pid: 10, demoIds: ['etcd', 'kube-apiserver'] }]);
  });

  it('finds the runs whose live process is a containerd, by the run id in its environment', () => {
    const proc = createProc([
      { pid: 40, comm: 'containerd', startTime: 1, runId: 'containerd-1' },
      { pid: 41, comm: 'containerd-shim', startTime: 1, runId: 'kubelet-1' },
      { pid: 42, comm: 'containerd', startTime: 1, runId: 'someone-else' },
      { pid: 43, comm: 'containerd', startTime: 1 },
    ]);
    const owner = { pid: 1, startTime: 1 };
    expect(findContainerdRunIds([record('containerd-1', 'containerd', owner), record('kubelet-1', 'kubelet', owner)], proc)).toEqual(new Set(['containerd-1']));
  });
});
