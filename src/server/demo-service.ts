// What the server needs from whoever runs the demos: the orchestrator (live) or the replayer
// (recordings only). The server never spawns anything itself.
import type { DemoEvent, DemoManifest, DemoSnapshot } from '../shared/index.ts';

export interface DemoService {
  readonly manifest: DemoManifest;
  run(demoId: string): Promise<DemoSnapshot>;
  stop(demoId: string): Promise<DemoSnapshot>;
  restart(demoId: string): Promise<DemoSnapshot>;
  /** Plays the demo's recording (never spawns); absent where no recordings are served. */
  replay?(demoId: string): Promise<DemoSnapshot>;
  stopAll(): Promise<void>;
  snapshots(): DemoSnapshot[];
  subscribe(listener: (event: DemoEvent) => void): () => void;
}
