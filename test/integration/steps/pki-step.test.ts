// The deck's `pki` and `kubeconfig` demos, run through the orchestrator (inside a network
// namespace of the test's own) with the workspace's cfssl and kubectl: the certificates and the
// kubeconfig are the talk's (kube-stack.md).
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoSnapshot } from '../../../src/shared/index.ts';
import { findNetnsBlocker } from './support/test-netns.ts';
import { findMissingBinaries, openStepsHarness } from './support/steps-harness.ts';
import type { StepsHarness } from './support/steps-harness.ts';

const missing = await findMissingBinaries(['cfssl', 'cfssljson', 'kubectl']);
const blocker = (await findNetnsBlocker()) ?? (missing.length > 0 ? `${missing.join(', ')} missing: run \`npx demystify fetch\`` : undefined);
if (blocker !== undefined) console.warn(`SKIPPED the PKI step tests: ${blocker}.`);

const TALK_HOSTS = ['127.0.0.1', '10.0.0.1', '10.244.0.1', 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster', 'kubernetes.svc.cluster.local'];

/** "C=FR\nST=…\nCN=admin" → { C: 'FR', … }. */
function parseSubject(subject: string): Record<string, string> {
  return Object.fromEntries(subject.split('\n').map((part) => [part.slice(0, part.indexOf('=')), part.slice(part.indexOf('=') + 1)]));
}

interface KubeconfigView {
  clusters: { name: string; cluster: { server: string; 'certificate-authority-data'?: string; 'certificate-authority'?: string } }[];
  users: { name: string; user: { 'client-certificate-data'?: string; 'client-key-data'?: string } }[];
  contexts: { name: string; context: { cluster: string; user: string } }[];
  'current-context': string;
}

describe.skipIf(blocker !== undefined)('the PKI steps of the deck, through the orchestrator', () => {
  let harness: StepsHarness;
  let pki: DemoSnapshot;
  let kubeconfig: DemoSnapshot;
  const certs = (name: string): string => join(harness.space.workspace, 'certs', name);

  beforeAll(async () => {
    harness = await openStepsHarness({ withoutKubeBinaries: true });
    pki = await harness.driver.run('pki');
    kubeconfig = await harness.driver.run('kubeconfig');
  });
  afterAll(async () => harness?.dispose());

  it('pki and kubeconfig both exit 0', () => {
    expect(pki, pki.output).toMatchObject({ state: 'exited', exitCode: 0 });
    expect(kubeconfig, kubeconfig.output).toMatchObject({ state: 'exited', exitCode: 0 });
    expect(kubeconfig.output).toContain('Switched to context "admin".');
  });

  it('make the CA of the talk (CN Kubernetes, O Kubernetes, OU CA, C FR, L Pessac, ST Nouvelle Aquitaine)', () => {
    const ca = new X509Certificate(readFileSync(certs('ca.pem')));
    expect(parseSubject(ca.subject)).toEqual({ C: 'FR', ST: 'Nouvelle Aquitaine', L: 'Pessac', O: 'Kubernetes', OU: 'CA', CN: 'Kubernetes' });
    expect(ca.ca).toBe(true);
  });

  it('make the admin certificate: CN admin, O system:masters, OU "Démystifions Kubernetes", RSA 2048', () => {
    const admin = new X509Certificate(readFileSync(certs('admin.pem')));
    expect(parseSubject(admin.subject)).toEqual({ C: 'FR', ST: 'Nouvelle Aquitaine', L: 'Pessac', O: 'system:masters', OU: 'Démystifions Kubernetes', CN: 'admin' });
    expect(admin.ca).toBe(false);
    expect(admin.publicKey.asymmetricKeyType).toBe('rsa');
    expect(admin.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
  });

  it("put the talk's hosts and localhost in the admin certificate's SANs", () => {
    const admin = new X509Certificate(readFileSync(certs('admin.pem')));
    const sans = (admin.subjectAltName ?? '').split(', ').map((entry) => entry.replace(/^(IP Address|DNS):/, ''));
    expect(sans.sort()).toEqual([...TALK_HOSTS, 'localhost'].sort());
  });

  it('chain the admin certificate to the CA (openssl verify)', async () => {
    const verified = await execa('openssl', ['verify', '-CAfile', 'certs/ca.pem', 'certs/admin.pem'], { cwd: harness.space.workspace, reject: false });
    expect(verified.stdout).toBe('certs/admin.pem: OK');
    expect(verified.exitCode).toBe(0);
  });

  it('give the admin certificate the profile usages: signing, key encipherment, server auth, client auth', async () => {
    const { stdout } = await execa('openssl', ['x509', '-in', certs('admin.pem'), '-noout', '-ext', 'keyUsage,extendedKeyUsage']);
    expect(stdout).toMatch(/X509v3 Key Usage: critical\n\s+Digital Signature, Key Encipherment\n/);
    expect(stdout).toMatch(/X509v3 Extended Key Usage: ?\n\s+TLS Web Server Authentication, TLS Web Client Authentication/);
  });

  it('write admin.conf: cluster demystifions-kubernetes at https://127.0.0.1:6443, user admin, context admin, certificates embedded', async () => {
    const kubectl = join(harness.space.workspace, 'bin', 'kubectl');
    const { stdout } = await execa(kubectl, ['config', 'view', '--raw', '-o', 'json', '--kubeconfig', 'admin.conf'], { cwd: harness.space.workspace });
    const view = JSON.parse(stdout) as KubeconfigView;
    const decode = (data: string | undefined): string => Buffer.from(data ?? '', 'base64').toString('utf8');
    expect(view.clusters.map((entry) => [entry.name, entry.cluster.server])).toEqual([['demystifions-kubernetes', 'https://127.0.0.1:6443']]);
    expect(view.clusters[0]?.cluster['certificate-authority']).toBeUndefined();
    expect(decode(view.clusters[0]?.cluster['certificate-authority-data'])).toBe(readFileSync(certs('ca.pem'), 'utf8'));
    expect(view.users.map((entry) => entry.name)).toEqual(['admin']);
    expect(decode(view.users[0]?.user['client-certificate-data'])).toBe(readFileSync(certs('admin.pem'), 'utf8'));
    expect(decode(view.users[0]?.user['client-key-data'])).toBe(readFileSync(certs('admin-key.pem'), 'utf8'));
    expect(view.contexts).toEqual([{ name: 'admin', context: { cluster: 'demystifions-kubernetes', user: 'admin' } }]);
    expect(view['current-context']).toBe('admin');
  });
});
