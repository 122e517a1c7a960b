// The real daemon: Debian's etcd started THROUGH the orchestrator, with TLS and client-certificate
// auth as in the talk, ready on /health via the http probe presenting the admin certificate, used
// by a dependent etcdctl step, then stopped with nothing left (pid gone, ports free). Ports are
// picked free so it never collides with another etcd on this machine.
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpProbe, createOrchestrator, isPortFree } from '../../../src/orchestrator/index.ts';
import type { Orchestrator, ProbeContext } from '../../../src/orchestrator/index.ts';
import { findFreePort, isAlive } from './support/process-checks.ts';
import { recordEvents } from './support/record-events.ts';
import { createTestManifest, defineDemo } from './support/test-manifest.ts';
import { createTestWorkspace } from './support/test-workspace.ts';
import type { TestWorkspace } from './support/test-workspace.ts';

const ETCD = '/usr/bin/etcd';
const ETCDCTL = '/usr/bin/etcdctl';

// CA + admin certificate (CN=admin, O=system:masters, SAN 127.0.0.1/localhost), the talk's file
// names; EC P-256 keeps it fast (reference/demo-02-pki-openssl.sh).
const PKI_SCRIPT = `
set -euo pipefail
mkdir -p certs && cd certs
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 -keyout ca-key.pem -out ca.pem -subj "/CN=demo-ca" \\
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout admin-key.pem -out admin.csr -subj "/O=system:masters/CN=admin" 2>/dev/null
printf 'basicConstraints=CA:FALSE\\nkeyUsage=critical,digitalSignature,keyEncipherment\\nextendedKeyUsage=clientAuth,serverAuth\\nsubjectAltName=IP:127.0.0.1,DNS:localhost\\n' > admin.ext
openssl x509 -req -in admin.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 1 -out admin.pem -extfile admin.ext 2>/dev/null
`;

let space: TestWorkspace;
let orchestrator: Orchestrator | undefined;

beforeEach(() => {
  space = createTestWorkspace();
});

afterEach(async () => {
  await orchestrator?.dispose();
  orchestrator = undefined;
  space.cleanup();
});

describe.skipIf(!existsSync(ETCD) || !existsSync(ETCDCTL))('Debian etcd through the orchestrator', () => {
  it('starts with client-cert TLS, is ready on /health, serves etcdctl, and stops leaving nothing behind', async () => {
    await execa('bash', ['-c', PKI_SCRIPT], { cwd: space.workspace });
    symlinkSync(ETCD, join(space.bin, 'etcd'));
    symlinkSync(ETCDCTL, join(space.bin, 'etcdctl'));
    mkdirSync(join(space.workspace, 'etcd-data'), { mode: 0o700 });
    const [client, peer] = [await findFreePort(), await findFreePort()];
    const tls = { ca: 'certs/ca.pem', cert: 'certs/admin.pem', key: 'certs/admin-key.pem' };
    const health = `https://127.0.0.1:${client}/health`;

    const etcd = defineDemo({
      id: 'etcd',
      kind: 'daemon',
      binary: 'bin/etcd',
      ports: [client, peer],
      timeoutMs: 30_000,
      ready: { type: 'http', url: health, ...tls },
      command:
        `bin/etcd --name demo --data-dir etcd-data --client-cert-auth --cert-file=certs/admin.pem --key-file=certs/admin-key.pem --trusted-ca-file=certs/ca.pem ` +
        `--advertise-client-urls https://127.0.0.1:${client} --listen-client-urls https://127.0.0.1:${client} ` +
        `--listen-peer-urls http://127.0.0.1:${peer} --initial-advertise-peer-urls http://127.0.0.1:${peer} --initial-cluster demo=http://127.0.0.1:${peer} --logger=zap`,
    });
    const put = defineDemo({
      id: 'etcd-put',
      needs: ['etcd'],
      command: `etcdctl --endpoints=https://127.0.0.1:${client} --cacert=certs/ca.pem --cert=certs/admin.pem --key=certs/admin-key.pem put /registry/demo/hello world\n` +
        `etcdctl --endpoints=https://127.0.0.1:${client} --cacert=certs/ca.pem --cert=certs/admin.pem --key=certs/admin-key.pem get /registry/demo/hello`,
    });
    orchestrator = createOrchestrator({ workspace: space.workspace, manifest: createTestManifest(etcd, put), graceMs: 5_000 });
    const log = recordEvents(orchestrator);

    const ready = await orchestrator.run('etcd');
    expect(ready.message).toBeUndefined();
    expect(ready.state).toBe('ready');
    expect(log.states('etcd').map((event) => event.state)).toEqual(['starting', 'running', 'ready']);
    expect(log.markers('etcd')).toEqual(['ready']);
    await log.waitForOutput('etcd', /"msg":"serving client traffic securely"/);

    // The probe really used the client certificate: without it, etcd refuses the handshake.
    const bare: Omit<ProbeContext, 'signal'> = { workspace: space.workspace, env: {}, launch: () => ({ file: 'true', args: [] }), output: { text: () => '', subscribe: () => () => undefined }, wake: () => undefined };
    const withoutCert = await createHttpProbe({ type: 'http', url: health, ca: tls.ca }).check({ ...bare, signal: AbortSignal.timeout(5_000) });
    expect(withoutCert.ready).toBe(false);

    const used = await orchestrator.run('etcd-put');
    expect(used).toMatchObject({ state: 'exited', exitCode: 0 });
    expect(used.output).toBe('OK\r\n/registry/demo/hello\r\nworld\r\n');

    const recordFile = join(space.workspace, '.demystify', 'runs', `${ready.runId}.json`);
    const { pid } = JSON.parse(readFileSync(recordFile, 'utf8')) as { pid: number };
    expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8')).toMatch(/^bin\/etcd\0/);
    const stopped = await orchestrator.stop('etcd');
    expect(stopped).toMatchObject({ state: 'exited', signal: 'SIGTERM', message: 'arrêté (SIGTERM)' });
    expect(isAlive(pid)).toBe(false);
    expect(await isPortFree(client)).toBe(true);
    expect(await isPortFree(peer)).toBe(true);
    expect(existsSync(recordFile)).toBe(false);
    expect(orchestrator.snapshot('etcd').state).toBe('exited');
  });
});
