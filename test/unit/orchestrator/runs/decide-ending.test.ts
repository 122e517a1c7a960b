import { describe, expect, it } from 'vitest';
import { decideEnding } from '../../../../src/orchestrator/runs/index.ts';
import type { EndingInput } from '../../../../src/orchestrator/runs/index.ts';
import type { DemoDefinition } from '../../../../src/shared/index.ts';

const base = (kind: DemoDefinition['kind']): DemoDefinition => ({ id: 'etcd', kind, command: 'bin/etcd', needs: [], startNeeds: false, root: false, ports: [], timeoutMs: 30_000, slide: 1, title: 'etcd' });
const input = (overrides: Partial<EndingInput>): EndingInput => ({ demo: base('daemon'), exit: { exitCode: 0 }, wasReady: true, durationMs: 1_000, lastLines: ['last line'], ...overrides });

describe('decideEnding', () => {
  it('a stop asked by the user is "exited" with the signal, whatever the exit', () => {
    expect(decideEnding(input({ exit: { exitCode: 0, signal: 'SIGTERM' }, stopElapsedMs: 30 }))).toEqual({ state: 'exited', durationMs: 1_000, signal: 'SIGTERM', message: 'arrêté (SIGTERM)' });
    expect(decideEnding(input({ exit: { exitCode: 143 }, stopElapsedMs: 30, lastSignal: 'SIGTERM' }))).toMatchObject({ state: 'exited', exitCode: 143, signal: 'SIGTERM' });
  });

  it('a command exiting 0 is exited; non-zero is failed naming the code', () => {
    expect(decideEnding(input({ demo: base('command') }))).toEqual({ state: 'exited', durationMs: 1_000, exitCode: 0 });
    expect(decideEnding(input({ demo: base('command'), exit: { exitCode: 2 } }))).toMatchObject({ state: 'failed', code: 'NONZERO_EXIT', exitCode: 2 });
  });

  it('a daemon dying before ready says what was awaited', () => {
    const status = decideEnding(input({ wasReady: false, exit: { exitCode: 1 }, awaited: 'https://127.0.0.1:2379/health répond 2xx' }));
    expect(status).toMatchObject({ state: 'failed', code: 'EXITED_BEFORE_READY' });
    expect(status.message).toBe("etcd s'est arrêté (code 1) avant d'être prêt ; attendu : https://127.0.0.1:2379/health répond 2xx.\nDernières lignes :\nlast line");
  });

  it('a ready daemon killed by a signal is failed with the signal and last lines', () => {
    expect(decideEnding(input({ exit: { exitCode: 0, signal: 'SIGSEGV' } }))).toEqual({
      state: 'failed',
      durationMs: 1_000,
      signal: 'SIGSEGV',
      code: 'NONZERO_EXIT',
      message: "etcd s'est arrêté (signal SIGSEGV).\nDernières lignes :\nlast line",
    });
  });

  it('a failure decided before the exit (deadline) wins over the exit code', () => {
    expect(decideEnding(input({ exit: { exitCode: 0, signal: 'SIGTERM' }, failure: { code: 'READY_TIMEOUT', message: 'trop long' } }))).toMatchObject({ state: 'failed', code: 'READY_TIMEOUT', message: 'trop long' });
  });
});
