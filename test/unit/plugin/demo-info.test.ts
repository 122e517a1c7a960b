import { describe, expect, it } from 'vitest';
import { DEFAULT_COMMAND_TIMEOUT_MS, DEFAULT_READY_TIMEOUT_MS } from '../../../src/shared/index.ts';
import type { DemoDefinition } from '../../../src/shared/index.ts';
import { isDemoInfo, parseDemoFence } from '../../../src/plugin/demo-info.ts';

function define(info: string, body = 'bin/etcd --data-dir etcd-data\n', heading: { text?: string } = { text: 'etcd' }): DemoDefinition {
  const block = parseDemoFence({ info, body, slide: 3, heading: heading.text });
  if (block.type !== 'definition') throw new Error(`expected a definition, got ${block.type}`);
  return block.definition;
}

function failure(info: string, body = 'true\n'): string {
  try {
    parseDemoFence({ info, body, slide: 1, heading: undefined });
  } catch (error) {
    expect((error as { code?: string }).code).toBe('DECK_INVALID');
    return (error as Error).message;
  }
  throw new Error(`expected "${info}" to fail`);
}

describe('isDemoInfo', () => {
  it('recognizes demo fences and nothing else', () => {
    expect(isDemoInfo('demo etcd')).toBe(true);
    expect(isDemoInfo('  demo')).toBe(true);
    expect(isDemoInfo('demonstration')).toBe(false);
    expect(isDemoInfo('bash')).toBe(false);
    expect(isDemoInfo('')).toBe(false);
  });
});

describe('parseDemoFence: a definition', () => {
  it('defaults to a command with no probe, no needs, the command timeout and the slide heading as title', () => {
    expect(define('demo etcd-put')).toEqual({
      id: 'etcd-put',
      kind: 'command',
      command: 'bin/etcd --data-dir etcd-data',
      needs: [],
      startNeeds: false,
      root: false,
      ports: [],
      timeoutMs: DEFAULT_COMMAND_TIMEOUT_MS,
      binary: 'bin/etcd',
      slide: 3,
      title: 'etcd',
    });
  });

  it('keeps the body verbatim, multi-line, without its final newline', () => {
    const body = 'bin/kubectl get pods \\\n  -o wide\n\necho done\n';
    expect(define('demo pods', body).command).toBe('bin/kubectl get pods \\\n  -o wide\n\necho done');
  });

  it('reads daemon, root, start-needs, needs, ports, timeout, bin and title', () => {
    const demo = define('demo kubelet daemon root start-needs needs=containerd,kube-apiserver ports=10248,10250 timeout=90s bin=bin/kubelet title="kubelet (root)"', 'bin/kubelet --kubeconfig admin.conf\n');
    expect(demo).toMatchObject({
      kind: 'daemon',
      root: true,
      startNeeds: true,
      needs: ['containerd', 'kube-apiserver'],
      ports: [10248, 10250],
      timeoutMs: 90_000,
      binary: 'bin/kubelet',
      title: 'kubelet (root)',
    });
  });

  it('gives daemons the readiness timeout by default and accepts the `command` kind explicitly', () => {
    expect(define('demo etcd daemon').timeoutMs).toBe(DEFAULT_READY_TIMEOUT_MS);
    expect(define('demo etcd command').kind).toBe('command');
  });

  it('reads timeouts in ms, s and m', () => {
    expect(define('demo a timeout=250ms').timeoutMs).toBe(250);
    expect(define('demo a timeout=1.5s').timeoutMs).toBe(1500);
    expect(define('demo a timeout=4m').timeoutMs).toBe(240_000);
  });

  it('has no binary when the command does not start with bin/ and no bin= is given', () => {
    expect(define('demo a', 'cfssl gencert -initca ca-csr.json\n').binary).toBeUndefined();
  });

  it('falls back to the id as title when the slide has no heading', () => {
    expect(define('demo lonely', 'true\n', {}).title).toBe('lonely');
  });

  it('reads every probe form', () => {
    expect(define('demo a daemon ready=https://127.0.0.1:2379/health ca=certs/ca.pem cert=certs/admin.pem key=certs/admin-key.pem').ready).toEqual({
      type: 'http',
      url: 'https://127.0.0.1:2379/health',
      ca: 'certs/ca.pem',
      cert: 'certs/admin.pem',
      key: 'certs/admin-key.pem',
    });
    expect(define('demo a daemon ready=https://127.0.0.1:10257/healthz insecure').ready).toEqual({ type: 'http', url: 'https://127.0.0.1:10257/healthz', insecure: true });
    expect(define('demo a daemon ready=http://127.0.0.1:10248/healthz').ready).toEqual({ type: 'http', url: 'http://127.0.0.1:10248/healthz' });
    expect(define('demo a daemon ready=tcp:127.0.0.1:2379').ready).toEqual({ type: 'tcp', host: '127.0.0.1', port: 2379 });
    expect(define('demo a daemon ready=tcp:[::1]:6443').ready).toEqual({ type: 'tcp', host: '::1', port: 6443 });
    expect(define('demo a daemon ready=unix:/run/containerd/containerd.sock').ready).toEqual({ type: 'socket', path: '/run/containerd/containerd.sock' });
    expect(define('demo a daemon ready="log:/serving insecurely/"').ready).toEqual({ type: 'log', pattern: 'serving insecurely' });
    expect(define('demo a daemon ready="log:Successfully registered node"').ready).toEqual({ type: 'log', pattern: 'Successfully registered node' });
    expect(define('demo a daemon "ready=cmd:bin/etcdctl endpoint health"').ready).toEqual({ type: 'command', command: 'bin/etcdctl endpoint health' });
  });

  it('allows a ready probe on a command (a post-check)', () => {
    expect(define('demo a ready=tcp:127.0.0.1:80').ready).toEqual({ type: 'tcp', host: '127.0.0.1', port: 80 });
  });
});

describe('parseDemoFence: a reference', () => {
  it('is an empty body with no option besides the id', () => {
    expect(parseDemoFence({ info: 'demo controller-manager', body: '', slide: 30, heading: 'x' })).toEqual({ type: 'reference', id: 'controller-manager' });
    expect(parseDemoFence({ info: 'demo scheduler ', body: '\n', slide: 30, heading: 'x' })).toEqual({ type: 'reference', id: 'scheduler' });
  });
});

describe('parseDemoFence: errors say what was expected and what was found', () => {
  it.each([
    ['demo', /Expected an id after ```demo .*got nothing/],
    ['demo Etcd', /Expected a demo id matching .*got "Etcd"/],
    ['demo <img/src=x/onerror=alert(1)>', /Expected a demo id matching .*got "<img\/src=x\/onerror=alert\(1\)>"/],
    ['demo a-very-long-id-that-goes-on-and-on-and-on-beyond-forty-eight', /Expected a demo id matching/],
    ['demo a frobnicate', /Expected an option among daemon, command, .*got "frobnicate"/],
    ['demo a root root', /Expected each option once, got "root" twice/],
    ['demo a root=yes', /Expected "root" as a flag without a value, got "root=yes"/],
    ['demo a timeout', /Expected timeout=VALUE, got "timeout"/],
    ['demo a timeout=', /Expected timeout=VALUE, got "timeout="/],
    ['demo a daemon command', /Expected one kind, daemon or command, got both/],
    ['demo a timeout=abc', /Expected timeout= to be a positive duration in ms, s or m .*got "abc"/],
    ['demo a timeout=0s', /got "0s"/],
    ['demo a timeout=10h', /got "10h"/],
    ['demo a daemon ports=x', /Expected ports= to list TCP ports 1-65535 .*got "x"/],
    ['demo a daemon ports=2379,70000', /got "70000"/],
    ['demo a needs=etcd,Bad', /Expected needs= to list demo ids .*got "Bad"/],
    ['demo a daemon ready=ftp://example.org/', /Expected ready= to be one of https:\/\/HOST:PORT\/PATH.*got ready=ftp:\/\/example.org\//],
    ['demo a daemon ready=tcp:2379', /Expected ready=tcp:HOST:PORT .*got ready=tcp:2379/],
    ['demo a daemon ready=tcp:localhost:port', /Expected ready=tcp:HOST:PORT/],
    ['demo a daemon ready=unix:', /Expected a socket path after ready=unix:, got nothing/],
    ['demo a daemon ready=cmd:', /Expected a command after ready=cmd:, got nothing/],
    ['demo a daemon ready=log:(unclosed', /Expected ready=log: to hold a valid JavaScript regular expression, got \/\(unclosed\//],
    ['demo a daemon ready=log:/x/i', /Expected ready=log:\/REGEX\/ without flags, got flags "i"/],
    ['demo a daemon ready=https://', /Expected ready=https:\/\/ to be a valid URL/],
    ['demo a daemon ca=certs/ca.pem', /Expected ca=, cert= and key= only with an https ready= probe, got no ready=/],
    ['demo a daemon insecure', /Expected insecure only with an https ready= probe, got no ready=/],
    ['demo a daemon ready=tcp:127.0.0.1:1 insecure', /Expected ca=, cert=, key= and insecure only with an https ready probe, got ready=tcp:127.0.0.1:1/],
    ['demo a daemon ready=http://127.0.0.1:1/ ca=c.pem', /Expected an https:\/\/ ready probe with ca=, cert=, key= or insecure, got ready=http:\/\/127.0.0.1:1\//],
    ['demo a daemon ready=https://127.0.0.1:1/ cert=c.pem', /Expected cert= and key= together .*got only cert=/],
    ['demo a title="unterminated', /Expected a closing double quote/],
  ])('rejects `%s`', (info, message) => {
    expect(failure(info)).toMatch(message);
  });

  it('rejects options on an empty body (neither a definition nor a reference)', () => {
    expect(failure('demo etcd daemon', '')).toMatch(/Expected a command in the body of demo "etcd" .*got an empty body/);
  });
});
