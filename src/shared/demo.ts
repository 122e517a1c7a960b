// A demo as declared in the deck: pure data, shared by the plugin (which writes it),
// the orchestrator (which runs it) and the client (which shows it).

/** Ids are short, lowercase, URL- and path-safe: `etcd`, `kube-apiserver`, `pki`. */
export const DEMO_ID_PATTERN = /^[a-z][a-z0-9-]{0,47}$/;

export function isDemoId(value: unknown): value is string {
  return typeof value === 'string' && DEMO_ID_PATTERN.test(value);
}

/** `command` runs to its end; `daemon` keeps running across slides until stopped. */
export type DemoKind = 'command' | 'daemon';

/** How the orchestrator decides that a daemon is ready. Paths are relative to the workspace. */
export type ProbeSpec =
  | {
      type: 'http';
      url: string;
      /** CA file to verify the server (https). */
      ca?: string;
      /** Client certificate and key (mTLS). */
      cert?: string;
      key?: string;
      /** Accept any server certificate (self-signed health ports). */
      insecure?: boolean;
    }
  | { type: 'tcp'; host: string; port: number }
  | { type: 'socket'; path: string }
  | { type: 'log'; pattern: string }
  | { type: 'command'; command: string };

export interface DemoDefinition {
  id: string;
  kind: DemoKind;
  /** The exact text shown on the slide; executed as a bash script in the workspace. */
  command: string;
  /** Readiness check (daemons); absent: ready as soon as it runs. */
  ready?: ProbeSpec;
  /** Ids of demos that must be ready (daemons) or have succeeded (commands) first. */
  needs: string[];
  /** Start the missing dependencies first instead of failing. */
  startNeeds: boolean;
  /** Runs as root: directly when we are root, through `sudo -n` otherwise. */
  root: boolean;
  /** TCP ports the daemon listens on, checked before start. */
  ports: number[];
  /** Deadline for readiness (daemons) or completion (commands). */
  timeoutMs: number;
  /** The executable the command needs (`bin/etcd`), for a clear "missing binary" message. */
  binary?: string;
  /** 1-based slide number where the block is defined first. */
  slide: number;
  /** Short human title (slide heading by default). */
  title: string;
}

export interface DemoManifest {
  version: 1;
  /** Source deck, relative to the project root. */
  deck: string;
  /** In talk order (order of first appearance in the deck). */
  demos: DemoDefinition[];
}

export const DEFAULT_COMMAND_TIMEOUT_MS = 120_000;
export const DEFAULT_READY_TIMEOUT_MS = 30_000;
