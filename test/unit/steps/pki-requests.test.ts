// The PKI step's inputs (demos/pki, copied into the workspace's certs/ by prepareWorkspace) ask
// cfssl for exactly the talk's certificates (kube-stack.md): the CA, the one admin certificate
// every component uses, its SANs (the talk's hosts + localhost), RSA 2048, the profile's usages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './deck-manifest.ts';

interface CsrJson {
  CN: string;
  hosts?: string[];
  key: { algo: string; size: number };
  names: Record<string, string>[];
}

const readJson = <T>(name: string): T => JSON.parse(readFileSync(join(PROJECT_ROOT, 'demos', 'pki', name), 'utf8')) as T;

/** kube-stack.md: the admin certificate's hosts. */
const TALK_HOSTS = ['127.0.0.1', '10.0.0.1', '10.244.0.1', 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster', 'kubernetes.svc.cluster.local'];
const PLACE = { C: 'FR', L: 'Pessac', ST: 'Nouvelle Aquitaine' };

describe('demos/pki', () => {
  it('asks for the CA of the talk: CN Kubernetes, C FR, L Pessac, O Kubernetes, OU CA, ST Nouvelle Aquitaine, RSA 2048', () => {
    const ca = readJson<CsrJson>('ca-csr.json');
    expect(ca.CN).toBe('Kubernetes');
    expect(ca.names).toEqual([{ ...PLACE, O: 'Kubernetes', OU: 'CA' }]);
    expect(ca.key).toEqual({ algo: 'rsa', size: 2048 });
    expect(ca.hosts).toBeUndefined();
  });

  it('asks for the admin certificate: CN admin, O system:masters, OU "Démystifions Kubernetes", RSA 2048', () => {
    const admin = readJson<CsrJson>('admin-csr.json');
    expect(admin.CN).toBe('admin');
    expect(admin.names).toEqual([{ ...PLACE, O: 'system:masters', OU: 'Démystifions Kubernetes' }]);
    expect(admin.key).toEqual({ algo: 'rsa', size: 2048 });
  });

  it("puts the talk's hosts and localhost in the admin certificate's SANs, nothing else", () => {
    const admin = readJson<CsrJson>('admin-csr.json');
    expect([...(admin.hosts ?? [])].sort()).toEqual([...TALK_HOSTS, 'localhost'].sort());
  });

  it('signs with the "kubernetes" profile: signing, key encipherment, server auth, client auth', () => {
    const config = readJson<{ signing: { profiles: Record<string, { usages: string[]; expiry: string }> } }>('ca-config.json');
    const profile = config.signing.profiles['kubernetes'];
    expect([...(profile?.usages ?? [])].sort()).toEqual(['client auth', 'key encipherment', 'server auth', 'signing']);
    expect(profile?.expiry).toBe('8760h');
  });
});
