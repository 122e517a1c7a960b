// Ready when GET <url> answers 2xx. https: the server is verified against `ca` (or the system CAs)
// unless `insecure`; `cert` + `key` are presented as a client certificate (etcd with
// --client-cert-auth). Files are workspace-relative and read at each attempt: the PKI step may
// write them after the deck started.
import { readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { resolve } from 'node:path';
import type { ProbeSpec } from '../../shared/index.ts';
import { describeFailure } from './probe.ts';
import type { Probe, ProbeContext, ProbeResult } from './probe.ts';
import { probeMessages } from '../stage-messages.ts';

type HttpProbeSpec = Extract<ProbeSpec, { type: 'http' }>;

async function readTlsFiles(spec: HttpProbeSpec, workspace: string): Promise<{ ca?: Buffer; cert?: Buffer; key?: Buffer } | { missing: string }> {
  const files: { ca?: Buffer; cert?: Buffer; key?: Buffer } = {};
  for (const name of ['ca', 'cert', 'key'] as const) {
    const file = spec[name];
    if (file === undefined) continue;
    try {
      files[name] = await readFile(resolve(workspace, file));
    } catch {
      return { missing: file };
    }
  }
  return files;
}

function get(spec: HttpProbeSpec, tls: { ca?: Buffer; cert?: Buffer; key?: Buffer }, signal: AbortSignal): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const isHttps = spec.url.startsWith('https:');
    const options = { method: 'GET', agent: false as const, signal, ...(isHttps ? { ...tls, rejectUnauthorized: spec.insecure !== true } : {}) };
    const request = (isHttps ? httpsRequest : httpRequest)(spec.url, options, (response) => {
      response.resume();
      resolvePromise(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.end();
  });
}

export function createHttpProbe(spec: HttpProbeSpec): Probe {
  return {
    description: probeMessages.httpAwaited(spec.url),
    async check(context: ProbeContext): Promise<ProbeResult> {
      const tls = await readTlsFiles(spec, context.workspace);
      if ('missing' in tls) return { ready: false, detail: probeMessages.fileMissing(spec.url, tls.missing) };
      try {
        const status = await get(spec, tls, context.signal);
        const ready = status >= 200 && status < 300;
        return { ready, detail: probeMessages.httpAnswered(spec.url, status) };
      } catch (error) {
        return { ready: false, detail: probeMessages.httpNoAnswer(spec.url, describeFailure(error, context.signal)) };
      }
    },
  };
}
