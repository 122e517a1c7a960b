// One process in its own pseudo-terminal (node-pty: new session, new process group, the PTY as
// controlling terminal), so programs keep their colours and `\r` progress lines.
//
// Completeness of the output: when the last holder of the PTY's slave side closes it, Linux may
// report end-of-file to the master while the last bytes the child wrote are still in flight, and
// those bytes are lost (measured: a few KiB missing at the end of a flood, one run in three). So
// we hold the slave open ourselves; once the child has exited and the output has been quiet for
// PTY_DRAIN_QUIET_MS, we close it and read to the real end. node-pty tells us of the exit early
// by adding its 'close' listener on the socket (that is when its native exit callback ran); if a
// later node-pty stops doing so, its own 200 ms fallback still ends the stream.
import { closeSync, constants, openSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { spawn } from '@lydell/node-pty';

export const PTY_DRAIN_QUIET_MS = 10;

export interface PtyExit {
  exitCode: number;
  /** Signal name when the process was killed by one. */
  signal?: string;
}

export interface PtyProcess {
  readonly pid: number;
  onData(listener: (chunk: Uint8Array) => void): void;
  /** Resolves once the process has been reaped and all of its output delivered. */
  readonly exited: Promise<PtyExit>;
}

export interface SpawnPtyOptions {
  file: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  cols: number;
  rows: number;
}

export type SpawnPty = (options: SpawnPtyOptions) => PtyProcess;

function toSignalName(signal: number | undefined): string | undefined {
  if (!signal) return undefined;
  const entry = Object.entries(osConstants.signals).find(([, number]) => number === signal);
  return entry ? entry[0] : `SIG${signal}`;
}

interface NodePtyInternals {
  _socket?: NodeJS.EventEmitter;
  ptsName?: string;
}

export const spawnPty: SpawnPty = ({ file, args, cwd, env, cols, rows }) => {
  const terminal = spawn(file, args, { name: env['TERM'] ?? 'xterm-256color', cwd, env, cols, rows, encoding: null });
  const internals = terminal as unknown as NodePtyInternals;
  const listeners: ((chunk: Uint8Array) => void)[] = [];

  let slaveFd: number | undefined;
  try {
    if (internals.ptsName) slaveFd = openSync(internals.ptsName, constants.O_RDONLY | constants.O_NOCTTY);
  } catch {
    slaveFd = undefined; // Without it we fall back to node-pty's own end-of-stream handling.
  }
  let childExited = false;
  let quietTimer: NodeJS.Timeout | undefined;
  const releaseSlave = (): void => {
    clearTimeout(quietTimer);
    if (slaveFd === undefined) return;
    try {
      closeSync(slaveFd);
    } catch {
      // Already closed.
    }
    slaveFd = undefined;
  };
  const armQuietTimer = (): void => {
    clearTimeout(quietTimer);
    quietTimer = setTimeout(releaseSlave, PTY_DRAIN_QUIET_MS);
  };
  internals._socket?.on('newListener', (event: string) => {
    if (event === 'close' && !childExited) {
      childExited = true;
      armQuietTimer();
    }
  });
  // node-pty rethrows socket errors other than EIO when nobody listens: the run must not crash us.
  (terminal as unknown as { on(event: string, listener: () => void): void }).on('error', () => undefined);

  terminal.onData((chunk) => {
    if (childExited) armQuietTimer();
    const bytes = chunk as unknown as Uint8Array;
    for (const listener of listeners) listener(bytes);
  });
  const exited = new Promise<PtyExit>((resolve) => {
    terminal.onExit(({ exitCode, signal }) => {
      releaseSlave();
      const name = toSignalName(signal);
      resolve(name === undefined ? { exitCode } : { exitCode, signal: name });
    });
  });
  return {
    pid: terminal.pid,
    onData: (listener) => void listeners.push(listener),
    exited,
  };
};
