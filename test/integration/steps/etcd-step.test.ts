// The deck's `etcd` demo through the orchestrator, inside a network namespace of the test's own
// so the talk's port 2379 is ours: TLS with client certificates (the `pki` demo's), ready on
// /health, `etcd-put` writes and reads a key over mTLS, a client without a certificate is turned
// away, and stopping it leaves nothing behind.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoSnapshot } from '../../../src/shared/index.ts';
import { isAlive } from '../orchestrator/support/process-checks.ts';
import { findNetnsBlocker } from './support/test-netns.ts';
import { findMissingBinaries, openStepsHarness } from './support/steps-harness.ts';
import type { StepsHarness } from './support/steps-harness.ts';

const missing = await findMissingBinaries(['cfssl', 'cfssljson', 'etcd', 'etcdctl']);
const blocker = (await findNetnsBlocker()) ?? (missing.length > 0 ? `${missing.join(', ')} missing: run \`npx demystify fetch\`` : undefined);
if (blocker !== undefined) console.warn(`SKIPPED the etcd step tests: ${blocker}.`);

const HEALTH = 'https://127.0.0.1:2379/health';

describe.skipIf(blocker !== undefined)("the deck's etcd step, through the orchestrator, on its talk port inside a namespace", () => {
  let harness: StepsHarness;
  let etcd: DemoSnapshot;
  const curl = (args: string[]) => harness.netns.exec('curl', ['-sS', '--max-time', '5', ...args]);

  beforeAll(async () => {
    harness = await openStepsHarness({ withoutKubeBinaries: true });
    const pki = await harness.driver.run('pki');
    if (pki.state !== 'exited' || pki.exitCode !== 0) throw new Error(`pki failed: ${pki.message ?? ''}\n${pki.output}`);
    etcd = await harness.driver.run('etcd');
  });
  afterAll(async () => harness?.dispose());

  it('is ready once /health answers {"health":"true"} to the admin certificate', async () => {
    expect(etcd.message, etcd.output).toBeUndefined();
    expect(etcd.state).toBe('ready');
    const health = await curl(['--cacert', 'certs/ca.pem', '--cert', 'certs/admin.pem', '--key', 'certs/admin-key.pem', HEALTH].map((word) => (word.startsWith('certs/') ? join(harness.space.workspace, word) : word)));
    expect(health.stdout).toMatch(/"health":\s*"true"/);
  });

  it('etcd-put writes the key and reads it back over mTLS', async () => {
    const put = await harness.driver.run('etcd-put');
    expect(put, put.output).toMatchObject({ state: 'exited', exitCode: 0 });
    expect(put.output).toBe('OK\r\n/demystifions\r\nBonjour depuis etcd\r\n');
  });

  it('turns away a client that trusts the CA but presents no certificate', async () => {
    const bare = await curl(['--cacert', join(harness.space.workspace, 'certs', 'ca.pem'), HEALTH]);
    expect(bare.exitCode).not.toBe(0);
    expect(bare.stdout).not.toContain('health');
    // TLS 1.3: etcd refuses once the handshake shows no certificate (an alert, or a reset).
    expect(bare.stderr).toMatch(/^curl: \((35|55|56)\) /);
  });

  it('stops on SIGTERM leaving nothing: process gone, 2379 and 2380 free, run record removed', async () => {
    const record = join(harness.space.workspace, '.demystify', 'runs', `${etcd.runId}.json`);
    const { pid } = JSON.parse(readFileSync(record, 'utf8')) as { pid: number };
    expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8')).toMatch(/^bin\/etcd\0--data-dir\0etcd-data\0/);
    expect(await harness.netns.isListening(2379)).toBe(true);

    const stopped = await harness.driver.stop('etcd');
    expect(stopped).toMatchObject({ state: 'exited', signal: 'SIGTERM' });
    expect(isAlive(pid)).toBe(false);
    expect(await harness.netns.isListening(2379)).toBe(false);
    expect(await harness.netns.isListening(2380)).toBe(false);
    expect(existsSync(record)).toBe(false);
  });
});
