// A page's EventSource under a flood: it follows the stream, and when the server cuts it off (too
// slow) it reconnects with Last-Event-ID, as browsers do; the server then resumes or sends a
// snapshot. Keeps no output, only what a flood test checks: counts, each demo's last state.
import type { DemoState, StreamMessage } from '../../../../src/shared/index.ts';
import { openEventStream } from './event-stream-client.ts';
import type { EventStreamClient, StreamFrame } from './event-stream-client.ts';

export interface FollowedDemo {
  state: DemoState;
  runId: string | null;
  exitCode?: number;
}

export interface EventFollower {
  demo(id: string): FollowedDemo | undefined;
  readonly connections: number;
  readonly snapshots: number;
  readonly outputBytes: number;
  close(): void;
}

export async function followEvents(options: { port: number; cookie: string; onMessage?: (message: StreamMessage) => void }): Promise<EventFollower> {
  const demos = new Map<string, FollowedDemo>();
  let connections = 0;
  let snapshots = 0;
  let outputBytes = 0;
  let closed = false;
  let current: EventStreamClient | undefined;
  const onFrame = ({ message }: StreamFrame): void => {
    options.onMessage?.(message);
    if (message.type === 'snapshot') {
      snapshots += 1;
      for (const demo of message.demos) demos.set(demo.demoId, { state: demo.state, runId: demo.runId, ...(demo.exitCode !== undefined && { exitCode: demo.exitCode }) });
    } else if (message.type === 'state') {
      demos.set(message.demoId, { state: message.state, runId: message.runId, ...(message.exitCode !== undefined && { exitCode: message.exitCode }) });
    } else if (message.type === 'output') {
      outputBytes += Buffer.byteLength(message.data);
    }
  };
  const connect = async (lastEventId: string | undefined): Promise<void> => {
    const stream = await openEventStream({ port: options.port, cookie: options.cookie, keepOutput: false, onFrame, ...(lastEventId !== undefined && { lastEventId }) });
    connections += 1;
    current = stream;
    void stream.ended.then(() => {
      if (!closed) void connect(stream.lastId === undefined ? lastEventId : String(stream.lastId)).catch(() => undefined);
    });
  };
  await connect(undefined);
  return {
    demo: (id) => demos.get(id),
    get connections() {
      return connections;
    },
    get snapshots() {
      return snapshots;
    },
    get outputBytes() {
      return outputBytes;
    },
    close() {
      closed = true;
      current?.close();
    },
  };
}
