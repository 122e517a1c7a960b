import { describe, expect, it } from 'vitest';
import { createRehearsalPlan } from '../../../src/cli/rehearse/index.ts';
import type { DemoDefinition, DemoManifest } from '../../../src/shared/index.ts';

const demo = (id: string, needs: string[] = [], title = id): DemoDefinition => ({
  id, kind: 'command', command: `echo ${id}`, needs, startNeeds: false, root: false, ports: [], timeoutMs: 1000, slide: 1, title,
});
const manifest: DemoManifest = {
  version: 1,
  deck: 'deck.md',
  demos: [
    demo('pki'),
    demo('kubeconfig', ['pki']),
    demo('etcd', ['pki']),
    demo('etcd-put', ['etcd']),
    demo('kube-apiserver', ['etcd']),
    demo('cni-cilium', ['kube-apiserver'], 'Cilium (en ligne : réseau requis)'),
    demo('node-ready', ['kube-apiserver']),
    demo('ingress-curl', ['cni-cilium'], 'Requête via Traefik'),
  ],
};
const ids = (selection: Parameters<typeof createRehearsalPlan>[1]): string[] => createRehearsalPlan(manifest, selection).steps.map((step) => step.demo.id);

describe('createRehearsalPlan', () => {
  it('runs every demo in talk order, leaving out the online options and what needs them', () => {
    const plan = createRehearsalPlan(manifest);
    expect(plan.steps.map((step) => step.demo.id)).toEqual(['pki', 'kubeconfig', 'etcd', 'etcd-put', 'kube-apiserver', 'node-ready']);
    expect(plan.skipped).toEqual(['cni-cilium', 'ingress-curl']);
    expect(ids({ online: true })).toEqual(manifest.demos.map((d) => d.id));
  });

  it('stops after --until and starts at --from, bringing along what the first steps need', () => {
    expect(ids({ until: 'etcd-put' })).toEqual(['pki', 'kubeconfig', 'etcd', 'etcd-put']);
    const plan = createRehearsalPlan(manifest, { from: 'etcd-put', until: 'kube-apiserver' });
    expect(plan.steps.map((step) => [step.demo.id, step.reason])).toEqual([
      ['pki', 'needed'],
      ['etcd', 'needed'],
      ['etcd-put', 'selected'],
      ['kube-apiserver', 'selected'],
    ]);
  });

  it('runs --only the named demos and their needs; naming an online option runs it', () => {
    expect(ids({ only: ['etcd-put'] })).toEqual(['pki', 'etcd', 'etcd-put']);
    expect(ids({ only: ['cni-cilium'] })).toEqual(['pki', 'etcd', 'kube-apiserver', 'cni-cilium']);
  });

  it('refuses ids the deck does not have, and a window that ends before it starts', () => {
    expect(() => createRehearsalPlan(manifest, { only: ['etdc'] })).toThrow(/Expected --only to name a demo of the deck \(pki, kubeconfig, .*\), got "etdc"/);
    expect(() => createRehearsalPlan(manifest, { from: 'etcd', until: 'pki' })).toThrow(/Expected --from etcd to come before --until pki/);
  });
});
