import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPidRegistry } from '../../../../src/orchestrator/processes/index.ts';
import type { RunRecord } from '../../../../src/orchestrator/processes/index.ts';

let stateDir: string;
const record = (runId: string, startedAt: number): RunRecord => ({ runId, demoId: 'etcd', pid: 10, startTime: 20, startedAt, owner: { pid: 1, startTime: 2 }, viaSudo: false });

beforeEach(() => {
  stateDir = mkdtempSync(join(tmpdir(), 'demystify-registry-'));
});

afterEach(() => {
  rmSync(stateDir, { recursive: true, force: true });
});

describe('createPidRegistry', () => {
  it('records, lists in start order and removes runs', () => {
    const registry = createPidRegistry(stateDir);
    registry.record(record('b', 2));
    registry.record(record('a', 1));
    expect(registry.list().map((entry) => entry.runId)).toEqual(['a', 'b']);
    registry.remove('a');
    expect(registry.list().map((entry) => entry.runId)).toEqual(['b']);
  });

  it('ignores half-written or foreign files', () => {
    const registry = createPidRegistry(stateDir);
    registry.record(record('good', 1));
    writeFileSync(join(registry.directory, 'broken.json'), '{"runId":');
    writeFileSync(join(registry.directory, 'foreign.json'), '{"hello":"world"}');
    expect(registry.list().map((entry) => entry.runId)).toEqual(['good']);
  });

  it('lists nothing when the state folder does not exist yet', () => {
    expect(createPidRegistry(join(stateDir, 'missing')).list()).toEqual([]);
  });
});
