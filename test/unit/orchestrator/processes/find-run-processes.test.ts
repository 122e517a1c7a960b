// The identity rules on a fake /proc: leader by pid AND start time, its group and descendants,
// and any process tagged with the run id — never a recycled pid or an untagged stranger.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findRunProcesses, isProcessAlive, readProcessCpuSeconds, readProcessInfo, RUN_ID_ENV } from '../../../../src/orchestrator/processes/index.ts';

let procRoot: string;

function addProcess(pid: number, { ppid = 1, pgrp = pid, startTime = 1000, state = 'S', env = {} as Record<string, string>, comm = 'sleep', utime = 0, stime = 0 } = {}): void {
  mkdirSync(join(procRoot, String(pid)));
  const fields = [state, ppid, pgrp, pgrp, 0, 0, 0, 0, 0, 0, 0, utime, stime, 0, 0, 0, 0, 0, 0, startTime, 0];
  writeFileSync(join(procRoot, String(pid), 'stat'), `${pid} (${comm}) ${fields.join(' ')}\n`);
  writeFileSync(join(procRoot, String(pid), 'environ'), Object.entries(env).map(([key, value]) => `${key}=${value}\0`).join(''));
}

beforeEach(() => {
  procRoot = mkdtempSync(join(tmpdir(), 'demystify-fake-proc-'));
});

afterEach(() => {
  rmSync(procRoot, { recursive: true, force: true });
});

describe('readProcessCpuSeconds', () => {
  it('adds user and system time, in seconds, whatever the command name', () => {
    addProcess(43, { comm: 'node) (x', utime: 250, stime: 31 });
    expect(readProcessCpuSeconds(43, procRoot)).toBeCloseTo(2.81);
    expect(readProcessCpuSeconds(44, procRoot)).toBeUndefined();
  });
});

describe('readProcessInfo', () => {
  it('parses stat even when the command name holds spaces and parentheses', () => {
    addProcess(42, { comm: 'weird) (name', ppid: 7, pgrp: 40, startTime: 12345 });
    expect(readProcessInfo(42, procRoot)).toEqual({ pid: 42, state: 'S', ppid: 7, pgrp: 40, sid: 40, startTime: 12345 });
  });

  it('counts a zombie as gone and a recycled pid as another process', () => {
    addProcess(50, { state: 'Z' });
    addProcess(51, { startTime: 2000 });
    expect(isProcessAlive(50, undefined, procRoot)).toBe(false);
    expect(isProcessAlive(51, 2000, procRoot)).toBe(true);
    expect(isProcessAlive(51, 1999, procRoot)).toBe(false);
  });
});

describe('findRunProcesses', () => {
  const identity = { runId: 'etcd-abc-123', pid: 100, startTime: 1000 };

  it('finds the leader, its group, its descendants and tagged escapees', () => {
    addProcess(100, { startTime: 1000 });
    addProcess(101, { ppid: 100, pgrp: 100, startTime: 1001 });
    addProcess(102, { ppid: 101, pgrp: 102, startTime: 1002 });
    addProcess(300, { ppid: 1, pgrp: 300, startTime: 1005, env: { [RUN_ID_ENV]: 'etcd-abc-123' } });
    addProcess(301, { ppid: 300, pgrp: 300, startTime: 1006 });
    expect(findRunProcesses(identity, { procRoot })).toEqual([100, 101, 102, 300, 301]);
  });

  it('ignores a recycled leader pid, another run\'s tag, older processes and strangers', () => {
    addProcess(100, { startTime: 5000 });
    addProcess(200, { ppid: 100, pgrp: 100, startTime: 5001 });
    addProcess(400, { startTime: 1005, env: { [RUN_ID_ENV]: 'other-run' } });
    addProcess(500, { startTime: 900, env: { [RUN_ID_ENV]: 'etcd-abc-123' } });
    expect(findRunProcesses(identity, { procRoot })).toEqual([]);
  });
});
