import { describe, expect, it } from 'vitest';
import { formatDuration, stageMessages } from '../../../src/orchestrator/stage-messages.ts';

describe('formatDuration', () => {
  it('writes durations the French way', () => {
    expect(formatDuration(250)).toBe('250 ms');
    expect(formatDuration(30_000)).toBe('30 s');
    expect(formatDuration(1_500)).toBe('1,5 s');
    expect(formatDuration(150_000)).toBe('2,5 min');
  });
});

describe('stageMessages', () => {
  it('says what was awaited and for how long', () => {
    expect(stageMessages.notReadyInTime('etcd', 30_000, 'https://127.0.0.1:2379/health ne répond pas (ECONNREFUSED)')).toBe(
      "etcd n'est pas prêt après 30 s : https://127.0.0.1:2379/health ne répond pas (ECONNREFUSED)",
    );
  });

  it('names the dependency and the fix', () => {
    expect(stageMessages.dependencyNotReady('kube-apiserver', 'etcd', 'daemon', 'idle')).toBe(
      "kube-apiserver a besoin de etcd, qui n'est pas prêt (état : à lancer). Lancez d'abord etcd.",
    );
  });
});
