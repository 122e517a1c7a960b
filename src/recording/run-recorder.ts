// Every live run is recorded: a tee of the event stream into `<dir>/<id>.cast`. A run that ends
// well (a command that exits 0, a daemon that reached ready) replaces the previous recording; a
// failed run is dropped, so the last good recording stays for the replay fallback.
import type { DemoEvent, DemoManifest } from '../shared/index.ts';
import { createCastRecorder } from './cast-recorder.ts';
import type { CastRecorder, CastRecordingResult } from './cast-recorder.ts';

export interface RunRecorderOptions {
  manifest: () => DemoManifest;
  dir: string;
  subscribe: (listener: (event: DemoEvent) => void) => () => void;
  width?: number;
  height?: number;
  /** A recording was truncated or could not be saved: tell the speaker. */
  onWarning?: (message: string) => void;
  /** A run's recording was saved (committed) or dropped. */
  onSaved?: (demoId: string, result: CastRecordingResult | undefined) => void;
}

export interface RunRecorder {
  /** Waits for every open recording to be written (on shutdown, after stopAll). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

interface OpenRecording {
  recorder: CastRecorder;
  reachedReady: boolean;
}

export function createRunRecorder(options: RunRecorderOptions): RunRecorder {
  const open = new Map<string, OpenRecording>();
  const pending = new Set<Promise<unknown>>();

  const track = (promise: Promise<unknown>): void => {
    pending.add(promise);
    void promise.finally(() => pending.delete(promise));
  };

  const onEvent = (event: DemoEvent): void => {
    if (event.type === 'state' && event.source !== 'live') return;
    let current = open.get(event.runId);
    if (!current && event.type === 'state' && event.state === 'starting') {
      const demo = options.manifest().demos.find((d) => d.id === event.demoId);
      current = {
        recorder: createCastRecorder({
          dir: options.dir,
          demoId: event.demoId,
          title: demo?.title ?? event.demoId,
          command: demo?.command,
          width: options.width ?? 120,
          height: options.height ?? 30,
          startedAtMs: event.at,
          onWarning: options.onWarning,
        }),
        reachedReady: false,
      };
      open.set(event.runId, current);
    }
    if (!current) return;
    current.recorder.record(event);
    if (event.type !== 'state') return;
    if (event.state === 'ready') current.reachedReady = true;
    if (event.state !== 'exited' && event.state !== 'failed') return;
    open.delete(event.runId);
    const demo = options.manifest().demos.find((d) => d.id === event.demoId);
    const succeeded = demo?.kind === 'daemon' ? current.reachedReady : event.state === 'exited' && (event.exitCode ?? 0) === 0;
    const { recorder } = current;
    track(
      succeeded
        ? recorder
            .finish({ exitCode: event.exitCode ?? null, signal: event.signal ?? null, state: event.state })
            .then((result) => options.onSaved?.(event.demoId, result))
        : recorder.abort().then(() => options.onSaved?.(event.demoId, undefined)),
    );
  };

  const unsubscribe = options.subscribe(onEvent);
  const flush = async (): Promise<void> => {
    while (pending.size > 0) await Promise.allSettled([...pending]);
  };
  return {
    flush,
    async close() {
      unsubscribe();
      for (const { recorder } of open.values()) track(recorder.abort());
      open.clear();
      await flush();
    },
  };
}
