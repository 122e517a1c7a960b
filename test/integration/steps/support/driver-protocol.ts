// What the tests and steps-driver.ts say to each other (JSON lines).
import type { DemoManifest } from '../../../../src/shared/index.ts';

export interface DriverConfig {
  manifest: DemoManifest;
  /** Absolute; prepared by prepareWorkspace + linkWorkspaceBinaries. */
  workspace: string;
  graceMs?: number;
  probeIntervalMs?: number;
  /** Start every run with SIGHUP ignored (a daemon that outlives its orchestrator). */
  ignoreHangup?: boolean;
}

export type DriverRequest = { seq: number } & (
  | { op: 'run' | 'stop'; id: string }
  | { op: 'images'; address: string; imagesDir: string }
  | {
      op: 'cleanup-node';
      address: string;
      mountRoots: string[];
      runDir: string | false;
      installedConflist?: { path: string; content: string };
      /** The demo whose run is containerd: stopped once its tasks are gone. */
      containerdDemo?: string;
    }
  | { op: 'exit' }
);

/** A request without its sequence number (the client adds it). */
export type DriverCommand = DriverRequest extends infer R ? (R extends { seq: number } ? Omit<R, 'seq'> : never) : never;
