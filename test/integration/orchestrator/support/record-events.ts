// Everything an orchestrator emits, kept in order, with waits on conditions (never sleeps).
import type { DemoEvent, OutputEvent, StateEvent } from '../../../../src/shared/index.ts';
import type { Orchestrator } from '../../../../src/orchestrator/index.ts';

export interface EventLog {
  events: DemoEvent[];
  states(demoId: string): StateEvent[];
  output(demoId: string, runId?: string): string;
  markers(demoId: string): string[];
  waitFor(predicate: (event: DemoEvent) => boolean, timeoutMs?: number): Promise<DemoEvent>;
  waitForOutput(demoId: string, pattern: RegExp, timeoutMs?: number): Promise<string>;
  stop(): void;
}

export function recordEvents(orchestrator: Orchestrator): EventLog {
  const events: DemoEvent[] = [];
  const waiters = new Set<() => void>();
  const unsubscribe = orchestrator.subscribe((event) => {
    events.push(event);
    for (const waiter of [...waiters]) waiter();
  });
  const log: EventLog = {
    events,
    states: (demoId) => events.filter((event): event is StateEvent => event.type === 'state' && event.demoId === demoId),
    output: (demoId, runId) =>
      events
        .filter((event): event is OutputEvent => event.type === 'output' && event.demoId === demoId && (runId === undefined || event.runId === runId))
        .map((event) => event.data)
        .join(''),
    markers: (demoId) => events.flatMap((event) => (event.type === 'marker' && event.demoId === demoId ? [event.label] : [])),
    waitFor(predicate, timeoutMs = 10_000) {
      const found = events.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`No matching event within ${timeoutMs} ms; last events: ${JSON.stringify(events.slice(-5)).slice(0, 2000)}`));
        }, timeoutMs);
        const check = (): void => {
          const event = events.at(-1);
          if (event !== undefined && predicate(event)) {
            clearTimeout(timer);
            waiters.delete(check);
            resolve(event);
          }
        };
        waiters.add(check);
      });
    },
    async waitForOutput(demoId, pattern, timeoutMs = 10_000) {
      if (pattern.test(log.output(demoId))) return log.output(demoId);
      await log.waitFor((event) => event.type === 'output' && event.demoId === demoId && pattern.test(log.output(demoId)), timeoutMs);
      return log.output(demoId);
    },
    stop: unsubscribe,
  };
  return log;
}
