// What the page knows of each demo: its state and a terminal screen fed by the event stream.
// Every block of one id (a demo shown again on a backup slide) draws from the same screen.
import type { DemoEvent, DemoSnapshot } from '../shared/index.ts';
import { createTerminalScreen } from '../shared/terminal/index.ts';
import type { TerminalScreen } from '../shared/terminal/index.ts';
import { DOM_MAX_LINES } from './terminal-view.ts';

/** A demo's state as a snapshot carries it (notice included), plus the screen its blocks draw. */
export type DemoModel = Pick<DemoSnapshot, 'runId' | 'state' | 'source' | 'exitCode' | 'signal' | 'durationMs' | 'message' | 'code' | 'notice'> & {
  id: string;
  screen: TerminalScreen;
};

export interface DemoStore {
  get(id: string): DemoModel | undefined;
  ids(): string[];
  /** Applies a stream event; returns the model it changed. */
  apply(event: DemoEvent): DemoModel | undefined;
  /** Replaces a model's state and output with a snapshot (reload, resume after falling behind). */
  load(snapshot: DemoSnapshot): DemoModel | undefined;
  /** Shows a message in a demo's panel (an error from the API, not from the stream). */
  note(id: string, message: string): DemoModel | undefined;
}

const RED = '\x1b[1;31m';
const RESET = '\x1b[0m';

export function createDemoStore(ids: Iterable<string>): DemoStore {
  const models = new Map<string, DemoModel>();
  // A screen keeps what a panel can show: lines kept longer only to be dropped later would outlive
  // the young generation and make the page's garbage collections long during a flood.
  const newScreen = (): TerminalScreen => createTerminalScreen({ maxLines: DOM_MAX_LINES });
  for (const id of ids) models.set(id, { id, runId: null, state: 'idle', source: 'live', screen: newScreen() });

  const writeMessage = (model: DemoModel, message: string): void => {
    model.screen.write(`\r\n${RED}${message.replace(/\r?\n/g, '\r\n')}${RESET}\r\n`);
  };

  return {
    get: (id) => models.get(id),
    ids: () => [...models.keys()],
    apply(event) {
      const model = models.get(event.demoId);
      if (!model) return undefined;
      if (event.type === 'state') {
        if (event.runId !== model.runId && (event.state === 'starting' || event.state === 'replaying' || event.state === 'running')) {
          model.runId = event.runId;
          model.screen.reset();
        }
        model.state = event.state;
        model.source = event.source;
        model.exitCode = event.exitCode;
        model.signal = event.signal;
        model.durationMs = event.durationMs;
        model.code = event.code;
        if (event.message && event.message !== model.message && event.state === 'failed') writeMessage(model, event.message);
        model.message = event.message;
      } else if (event.type === 'output') {
        if (event.runId !== model.runId) {
          model.runId = event.runId;
          model.screen.reset();
        }
        model.screen.write(event.data);
      }
      return model;
    },
    load(snapshot) {
      const model = models.get(snapshot.demoId);
      if (!model) return undefined;
      Object.assign(model, {
        runId: snapshot.runId,
        state: snapshot.state,
        source: snapshot.source,
        exitCode: snapshot.exitCode,
        signal: snapshot.signal,
        durationMs: snapshot.durationMs,
        message: snapshot.message,
        code: snapshot.code,
        notice: snapshot.notice ?? model.notice,
      });
      model.screen.reset();
      model.screen.write(snapshot.output);
      if (snapshot.state === 'failed' && snapshot.message && !snapshot.output.includes(snapshot.message)) writeMessage(model, snapshot.message);
      return model;
    },
    note(id, message) {
      const model = models.get(id);
      if (!model) return undefined;
      if (message !== model.message) writeMessage(model, message);
      model.message = message;
      return model;
    },
  };
}
