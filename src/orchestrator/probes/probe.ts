// A readiness check: a small value with one method and a human description of what it awaits.
// `check` makes one attempt and says how it went, in words the stage message can quote.
import { probeMessages } from '../stage-messages.ts';

export interface ProbeResult {
  ready: boolean;
  /** What the attempt saw, in French: "https://127.0.0.1:2379/health répond 503". */
  detail: string;
}

/** The run's output as seen by a log probe. */
export interface ProbeOutput {
  text(): string;
  subscribe(listener: (text: string) => void): () => void;
}

export interface ProbeContext {
  workspace: string;
  /** The run's environment (command probes run with it). */
  env: Record<string, string>;
  /** How to run a command probe's text the way the demo runs (directly, or through sudo). */
  launch: (command: string) => { file: string; args: string[] };
  output: ProbeOutput;
  /** Aborts this attempt (its own timeout, or the wait ended). */
  signal: AbortSignal;
  /** A probe that learns of readiness by itself (log) calls this to end the pause between attempts. */
  wake: () => void;
}

export interface Probe {
  /** What is awaited, for messages: "https://127.0.0.1:2379/health répond 2xx". */
  readonly description: string;
  check(context: ProbeContext): Promise<ProbeResult>;
  /** Releases what the probe holds (a log subscription). */
  dispose?(): void;
}

/** "ECONNREFUSED", "timeout"… from whatever an attempt threw. */
export function describeFailure(error: unknown, signal: AbortSignal): string {
  if (signal.aborted) return probeMessages.attemptTimedOut();
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return code ?? message;
}
