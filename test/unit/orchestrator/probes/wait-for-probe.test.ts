// Probes that need no server: the log probe on a fake output, and the wait loop on fake probes.
import { describe, expect, it } from 'vitest';
import { createLogProbe, waitForProbe } from '../../../../src/orchestrator/probes/index.ts';
import type { Probe, ProbeContext } from '../../../../src/orchestrator/probes/index.ts';

function createContext(output = ''): ProbeContext & { wakes: number; feed(text: string): void } {
  const listeners = new Set<(text: string) => void>();
  let text = output;
  const context = {
    workspace: '/nonexistent',
    env: {},
    launch: (command: string) => ({ file: 'bash', args: ['-c', command] }),
    output: { text: () => text, subscribe: (listener: (chunk: string) => void) => (listeners.add(listener), () => void listeners.delete(listener)) },
    signal: new AbortController().signal,
    wakes: 0,
    wake: () => void (context.wakes += 1),
    feed(chunk: string) {
      text += chunk;
      for (const listener of listeners) listener(chunk);
    },
  };
  return context;
}

describe('the log probe', () => {
  it('matches a line already printed, ignoring colour codes', async () => {
    const probe = createLogProbe('serving on :\\d+');
    expect((await probe.check(createContext('boot\r\n\u001b[32mserving on :8080\u001b[0m\r\n'))).ready).toBe(true);
  });

  it('follows the output and wakes the wait when a later line matches', async () => {
    const probe = createLogProbe('^ready$');
    const context = createContext('starting\r\n');
    expect((await probe.check(context)).ready).toBe(false);
    context.feed('rea');
    context.feed('dy\r\n');
    expect(context.wakes).toBe(1);
    expect(await probe.check(context)).toEqual({ ready: true, detail: 'la sortie contient /^ready$/' });
    probe.dispose?.();
  });

  it('rejects an invalid regular expression with a message naming it', () => {
    expect(() => createLogProbe('(')).toThrow(/ready=log:\(/);
  });
});

describe('waitForProbe', () => {
  const neverReady: Probe = { description: 'jamais', check: async () => ({ ready: false, detail: 'toujours pas' }) };
  const context = (): Omit<ProbeContext, 'signal' | 'wake'> => createContext();

  it('times out with the last detail seen', async () => {
    const outcome = await waitForProbe({ probe: neverReady, context: context(), timeoutMs: 150, intervalMs: 10, until: new Promise(() => undefined) });
    expect(outcome).toMatchObject({ status: 'timeout', detail: 'toujours pas' });
    expect(outcome.elapsedMs).toBeGreaterThanOrEqual(150);
  });

  it('ends as soon as what it waits for ends (the process exited)', async () => {
    const outcome = await waitForProbe({ probe: neverReady, context: context(), timeoutMs: 60_000, intervalMs: 10, until: Promise.resolve() });
    expect(outcome.status).toBe('ended');
    expect(outcome.elapsedMs).toBeLessThan(1_000);
  });

  it('aborts an attempt that hangs after its own timeout and tries again', async () => {
    let attempts = 0;
    const hanging: Probe = {
      description: 'pend',
      check: (probeContext) => {
        attempts += 1;
        return attempts < 3
          ? new Promise((resolve) => probeContext.signal.addEventListener('abort', () => resolve({ ready: false, detail: 'abandonné' })))
          : Promise.resolve({ ready: true, detail: 'enfin' });
      },
    };
    const outcome = await waitForProbe({ probe: hanging, context: context(), timeoutMs: 5_000, intervalMs: 10, attemptTimeoutMs: 50, until: new Promise(() => undefined) });
    expect(outcome).toMatchObject({ status: 'ready', detail: 'enfin' });
    expect(attempts).toBe(3);
  });
});

