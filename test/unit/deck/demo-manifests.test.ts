// What the workspace preparation copies from demos/: the talk's cfssl JSON (with the SANs of
// kube-stack.md) and the app's manifests, ready for an offline node.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMOS_DIR } from './deck-markdown.ts';

const readJson = (file: string): unknown => JSON.parse(readFileSync(join(DEMOS_DIR, 'pki', file), 'utf8'));
const readManifest = (file: string) => readFileSync(join(DEMOS_DIR, file), 'utf8');

describe('demos/pki', () => {
  it('signs with the talk’s "kubernetes" profile, for servers and clients', () => {
    expect(readJson('ca-config.json')).toMatchObject({
      signing: { profiles: { kubernetes: { usages: ['signing', 'key encipherment', 'server auth', 'client auth'], expiry: '8760h' } } },
    });
  });

  it('creates the talk’s CA', () => {
    expect(readJson('ca-csr.json')).toEqual({
      CN: 'Kubernetes',
      key: { algo: 'rsa', size: 2048 },
      names: [{ C: 'FR', L: 'Pessac', O: 'Kubernetes', OU: 'CA', ST: 'Nouvelle Aquitaine' }],
    });
  });

  it('makes one admin certificate for everything, valid for the API server’s names and localhost', () => {
    const csr = readJson('admin-csr.json') as { CN: string; hosts: string[]; key: unknown; names: unknown[] };
    expect(csr.CN).toBe('admin');
    expect(csr.key).toEqual({ algo: 'rsa', size: 2048 });
    expect(csr.names).toEqual([{ C: 'FR', L: 'Pessac', O: 'system:masters', OU: 'Démystifions Kubernetes', ST: 'Nouvelle Aquitaine' }]);
    expect([...csr.hosts].sort()).toEqual(
      [
        '127.0.0.1',
        '10.0.0.1',
        '10.244.0.1',
        'localhost',
        'kubernetes',
        'kubernetes.default',
        'kubernetes.default.svc',
        'kubernetes.default.svc.cluster',
        'kubernetes.svc.cluster.local',
      ].sort(),
    );
  });
});

describe('demos manifests', () => {
  it('deploy web from zwindler/vhelloworld without pulling when the image is already there', () => {
    const deploy = readManifest('deploy.yaml');
    expect(deploy).toMatch(/^kind: Deployment$/m);
    expect(deploy).toMatch(/^ {2}name: web$/m);
    expect(deploy).toMatch(/- image: zwindler\/vhelloworld$/m);
    expect(deploy).toMatch(/^ +imagePullPolicy: IfNotPresent$/m);
    expect(deploy).toMatch(/containerPort: 8081\b/);
  });

  it('expose it on port 3000 towards the server’s port 8081', () => {
    const service = readManifest('service.yaml');
    expect(service).toMatch(/^kind: Service$/m);
    expect(service).toMatch(/- port: 3000$/m);
    expect(service).toMatch(/^ +targetPort: 8081$/m);
    expect(service).toMatch(/^ {4}app: web$/m);
  });

  it('route the talk’s host to the Service', () => {
    const ingress = readManifest('ingress.yaml');
    expect(ingress).toMatch(/^kind: Ingress$/m);
    expect(ingress).toMatch(/host: dk\.zwindler\.fr$/m);
    expect(ingress).toMatch(/name: web\n +port:\n +number: 3000$/m);
  });
});
