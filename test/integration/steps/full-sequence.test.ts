// The talk, end to end: every offline demo of the deck in talk order, through the orchestrator,
// on a whole node of the test's own — a network namespace with a node interface of its own, and
// private mounts so the talk's paths (/run/containerd, /etc/cni/net.d, /var/lib/kubelet) are the
// test's (support/node-isolation.ts). It needs the five Kubernetes daemons (pinned by
// `npx demystify fetch`, or installed); where they are missing it says so and skips, and the
// second test still drives the same harness as far as the binaries present allow.
import { existsSync, readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveBinaries } from '../../../src/binaries/index.ts';
import type { DemoSnapshot } from '../../../src/shared/index.ts';
import { CNI_CONF_DIR, CONTAINERD_SOCKET } from '../../../src/workspace/index.ts';
import { readDeckManifest } from '../../unit/steps/deck-manifest.ts';
import { findMissingRequirements } from '../workspace/test-node.ts';
import { KUBE_DAEMONS } from './support/deck-workspace.ts';
import { openStepsHarness } from './support/steps-harness.ts';
import type { StepsHarness } from './support/steps-harness.ts';
import { findNetnsBlocker } from './support/test-netns.ts';

/** Need the network (charts, images from a registry): the talk's online options. */
const ONLINE_DEMOS = ['cni-cilium', 'ingress-traefik', 'ingress-curl'];
/** The runbook (design.md), in order; the deck may hold more steps between these. */
const RUNBOOK = ['pki', 'kubeconfig', 'etcd', 'kube-apiserver', 'deploy', 'controller-manager', 'scheduler', 'containerd', 'kubelet', 'cni-bridge', 'node-ready', 'kube-proxy', 'service', 'curl-service'];
const FULL_SEQUENCE_TIMEOUT_MS = 20 * 60_000;

const manifest = readDeckManifest();
const sequence = manifest.demos.map((demo) => demo.id).filter((id) => !ONLINE_DEMOS.includes(id));

const nodeBlocker = (await findNetnsBlocker()) ?? (await findMissingRequirements());
const kubeBinaries = (await resolveBinaries({ only: ['kubernetes-server'] })).filter((binary) => (KUBE_DAEMONS as readonly string[]).includes(binary.name));
const missingKube = KUBE_DAEMONS.filter((name) => kubeBinaries.find((binary) => binary.name === name)?.source === 'missing' || !kubeBinaries.some((binary) => binary.name === name));
const fullBlocker =
  nodeBlocker ?? (missingKube.length > 0 ? `${missingKube.join(', ')} ${missingKube.length === 1 ? 'is' : 'are'} missing (neither pinned in the cache nor installed): run \`npx demystify fetch\`` : undefined);
if (fullBlocker !== undefined) console.warn(`SKIPPED the full talk sequence: ${fullBlocker}.`);
if (nodeBlocker !== undefined) console.warn(`SKIPPED the isolated node steps: ${nodeBlocker}.`);

/** A step went as the slide promises: a daemon ready, a command exited 0. */
function expectSucceeded(snapshot: DemoSnapshot, kind: 'daemon' | 'command'): void {
  const where = `${snapshot.demoId}: ${snapshot.code ?? ''} ${snapshot.message ?? ''}\n${snapshot.output.slice(-3000)}`;
  if (kind === 'daemon') expect(snapshot.state, where).toBe('ready');
  else expect({ state: snapshot.state, exitCode: snapshot.exitCode }, where).toEqual({ state: 'exited', exitCode: 0 });
}

let harness: StepsHarness | undefined;
afterEach(async () => {
  // Stop the kubelet first (it would recreate pods), then empty containerd through its socket.
  await harness?.driver.stop('kubelet').catch(() => undefined);
  await harness?.driver.cleanupNode({ address: CONTAINERD_SOCKET, mountRoots: [harness.space.dir], runDir: '/run/containerd', containerdDemo: 'containerd' }).catch(() => undefined);
  await harness?.dispose();
  harness = undefined;
});

describe('the whole talk, inside a namespace and private mounts of its own', () => {
  it('holds the runbook in deck order, without the online options', () => {
    const positions = RUNBOOK.map((id) => sequence.indexOf(id));
    expect(positions.every((position) => position >= 0), `missing from the deck: ${RUNBOOK.filter((id) => !sequence.includes(id)).join(', ')}`).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const id of ONLINE_DEMOS) expect(manifest.demos.some((demo) => demo.id === id), `online demo ${id} renamed?`).toBe(true);
  });

  it.skipIf(fullBlocker !== undefined)('runs every offline demo in talk order: Pods Running, the Service answering on its ClusterIP', async () => {
    harness = await openStepsHarness({ isolateNode: true, nodeInterface: true });
    const snapshots = new Map<string, DemoSnapshot>();
    for (const id of sequence) {
      const demo = manifest.demos.find((candidate) => candidate.id === id);
      if (id === 'kubelet') await harness.driver.images(CONTAINERD_SOCKET, harness.space.paths.images);
      const snapshot = await harness.driver.run(id);
      snapshots.set(id, snapshot);
      expectSucceeded(snapshot, demo?.kind ?? 'command');
    }
    const output = (id: string): string => snapshots.get(id)?.output ?? '';
    expect(output('node-ready').match(/^pod\/web-\S+\s+1\/1\s+Running/gm)?.length).toBeGreaterThanOrEqual(2);
    expect(output('curl-service')).toMatch(/Hello from host: web-/);
    expect(output('iptables-services')).toMatch(/KUBE-SVC-/);
    expect(output('iptables-statistic')).toMatch(/statistic mode random/);
    expect(output('curl-loop').match(/Hello from host: web-/g)?.length).toBe(6);
  }, FULL_SEQUENCE_TIMEOUT_MS);

  it.skipIf(nodeBlocker !== undefined)('runs the steps that need no kube binary on the talk’s own paths without touching the host’s, then stops at kube-apiserver', async () => {
    const hostRunContainerd = existsSync('/run/containerd');
    const hostConfDir = existsSync(CNI_CONF_DIR) ? readdirSync(CNI_CONF_DIR) : undefined;
    harness = await openStepsHarness({ isolateNode: true, nodeInterface: true, withoutKubeBinaries: true });
    for (const id of ['pki', 'kubeconfig', 'etcd', 'etcd-put', 'containerd', 'ctr-version']) {
      expectSucceeded(await harness.driver.run(id), manifest.demos.find((demo) => demo.id === id)?.kind ?? 'command');
    }
    expect(existsSync('/run/containerd')).toBe(hostRunContainerd);
    const images = await harness.driver.images(CONTAINERD_SOCKET, harness.space.paths.images);
    expect(images.map((image) => image.ref).sort()).toEqual(['docker.io/zwindler/vhelloworld:latest', 'registry.k8s.io/pause:3.9']);
    const apiserver = await harness.driver.run('kube-apiserver');
    expect(apiserver).toMatchObject({ state: 'failed', code: 'BINARY_MISSING' });

    const report = await harness.driver.cleanupNode({ address: CONTAINERD_SOCKET, mountRoots: [harness.space.dir], runDir: '/run/containerd', containerdDemo: 'containerd' });
    expect(report.problems).toEqual([]);
    await harness.dispose();
    harness = undefined;
    expect(existsSync('/run/containerd')).toBe(hostRunContainerd);
    expect(existsSync(CNI_CONF_DIR) ? readdirSync(CNI_CONF_DIR) : undefined).toEqual(hostConfDir);
  }, 5 * 60_000);
});
