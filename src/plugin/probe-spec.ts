// `ready=<probe>` → a ProbeSpec (src/shared/demo.ts). Pure: validates shape, never connects.
import { DemystifyError } from '../shared/index.ts';
import type { ProbeSpec } from '../shared/index.ts';

/** TLS options given next to an https probe (`ca=`, `cert=`, `key=`, `insecure`). */
export interface ProbeTlsOptions {
  ca?: string;
  cert?: string;
  key?: string;
  insecure?: boolean;
}

const PROBE_FORMS = 'https://HOST:PORT/PATH, http://…, tcp:HOST:PORT, unix:PATH, log:REGEX or cmd:COMMAND';

function fail(message: string): never {
  throw new DemystifyError('DECK_INVALID', message);
}

export function parseProbeSpec(value: string, tls: ProbeTlsOptions): ProbeSpec {
  const probe = parseProbeForm(value);
  const hasTls = tls.ca !== undefined || tls.cert !== undefined || tls.key !== undefined || tls.insecure === true;
  if (probe.type !== 'http') {
    if (hasTls) fail(`Expected ca=, cert=, key= and insecure only with an https ready probe, got ready=${value}`);
    return probe;
  }
  if (hasTls && !probe.url.startsWith('https:')) fail(`Expected an https:// ready probe with ca=, cert=, key= or insecure, got ready=${value}`);
  if ((tls.cert === undefined) !== (tls.key === undefined)) fail(`Expected cert= and key= together (a client certificate and its key), got only ${tls.cert === undefined ? 'key=' : 'cert='}`);
  return {
    ...probe,
    ...(tls.ca !== undefined && { ca: tls.ca }),
    ...(tls.cert !== undefined && { cert: tls.cert }),
    ...(tls.key !== undefined && { key: tls.key }),
    ...(tls.insecure === true && { insecure: true }),
  };
}

function parseProbeForm(value: string): ProbeSpec {
  if (value.startsWith('http://') || value.startsWith('https://')) return parseHttpProbe(value);
  if (value.startsWith('tcp:')) return parseTcpProbe(value);
  if (value.startsWith('unix:')) return { type: 'socket', path: requireText(value, 'unix:', 'a socket path') };
  if (value.startsWith('log:')) return { type: 'log', pattern: parseLogPattern(requireText(value, 'log:', 'a regular expression')) };
  if (value.startsWith('cmd:')) return { type: 'command', command: requireText(value, 'cmd:', 'a command') };
  return fail(`Expected ready= to be one of ${PROBE_FORMS}, got ready=${value}`);
}

function requireText(value: string, prefix: string, what: string): string {
  const text = value.slice(prefix.length).trim();
  if (text === '') fail(`Expected ${what} after ready=${prefix}, got nothing`);
  return text;
}

function parseHttpProbe(value: string): ProbeSpec {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail(`Expected ready=${value} to be a valid URL (https://HOST:PORT/PATH), got an unparsable URL`);
  }
  if (url.hostname === '') fail(`Expected a host in ready=${value}, got none`);
  return { type: 'http', url: url.href };
}

function parseTcpProbe(value: string): ProbeSpec {
  const target = requireText(value, 'tcp:', 'HOST:PORT');
  const colon = target.lastIndexOf(':');
  const host = colon > 0 ? target.slice(0, colon).replace(/^\[(.*)\]$/, '$1') : '';
  const port = colon > 0 ? parsePort(target.slice(colon + 1)) : undefined;
  if (host === '' || port === undefined) fail(`Expected ready=tcp:HOST:PORT (e.g. tcp:127.0.0.1:2379), got ready=${value}`);
  return { type: 'tcp', host, port };
}

/** `log:serving insecurely` or `log:/serving insecurely/` (the slashes are optional, flags are not supported). */
function parseLogPattern(text: string): string {
  const slashed = /^\/(.*)\/([a-z]*)$/s.exec(text);
  if (slashed && slashed[2] !== '') fail(`Expected ready=log:/REGEX/ without flags, got flags "${slashed[2]}"`);
  const pattern = slashed ? (slashed[1] as string) : text;
  if (pattern === '') fail('Expected a regular expression after ready=log:, got an empty one');
  try {
    new RegExp(pattern);
  } catch (error) {
    fail(`Expected ready=log: to hold a valid JavaScript regular expression, got /${pattern}/ (${(error as Error).message})`);
  }
  return pattern;
}

/** A TCP port 1–65535, or undefined. */
export function parsePort(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port >= 1 && port <= 65_535 ? port : undefined;
}
