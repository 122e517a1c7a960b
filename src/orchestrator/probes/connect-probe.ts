// Ready when a connection is accepted: TCP `host:port`, or a unix socket (workspace-relative path).
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { describeFailure } from './probe.ts';
import type { Probe, ProbeContext, ProbeResult } from './probe.ts';
import { probeMessages } from '../stage-messages.ts';

function tryConnect(target: { host: string; port: number } | { path: string }, signal: AbortSignal): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const socket = connect(target);
    const onAbort = (): void => void socket.destroy(new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => {
      signal.removeEventListener('abort', onAbort);
      socket.destroy();
      resolvePromise();
    });
    socket.once('error', (error) => {
      signal.removeEventListener('abort', onAbort);
      reject(error);
    });
  });
}

async function checkConnect(label: string, target: { host: string; port: number } | { path: string }, signal: AbortSignal): Promise<ProbeResult> {
  try {
    await tryConnect(target, signal);
    return { ready: true, detail: probeMessages.connected(label) };
  } catch (error) {
    return { ready: false, detail: probeMessages.refused(label, describeFailure(error, signal)) };
  }
}

export function createTcpProbe(host: string, port: number): Probe {
  const label = probeMessages.tcpLabel(host, port);
  return {
    description: probeMessages.tcpAwaited(label),
    check: (context: ProbeContext) => checkConnect(label, { host, port }, context.signal),
  };
}

export function createSocketProbe(path: string): Probe {
  return {
    description: probeMessages.socketAwaited(probeMessages.socketLabel(path)),
    check: (context: ProbeContext) => checkConnect(probeMessages.socketLabel(path), { path: resolve(context.workspace, path) }, context.signal),
  };
}
