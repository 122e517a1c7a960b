// Where `npx demystify fetch` has not run, the kube steps fail as the speaker needs them to: a
// failed snapshot with code BINARY_MISSING naming the binary and the command that fetches it,
// and nothing started. kube-apiserver is run exactly as the deck defines it (after pki and etcd,
// inside the test's namespace); the other four daemons need a running apiserver, so they are run
// from their deck definitions with `needs` cleared, to reach their own binary check.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findNetnsBlocker } from './support/test-netns.ts';
import { findMissingBinaries, openStepsHarness } from './support/steps-harness.ts';
import type { StepsHarness } from './support/steps-harness.ts';

const missing = await findMissingBinaries(['cfssl', 'cfssljson', 'etcd']);
const blocker = (await findNetnsBlocker()) ?? (missing.length > 0 ? `${missing.join(', ')} missing: run \`npx demystify fetch\`` : undefined);
if (blocker !== undefined) console.warn(`SKIPPED the missing kube binaries tests: ${blocker}.`);

const LONE_DAEMONS = [
  ['controller-manager', 'bin/kube-controller-manager'],
  ['scheduler', 'bin/kube-scheduler'],
  ['kubelet', 'bin/kubelet'],
  ['kube-proxy', 'bin/kube-proxy'],
] as const;

describe.skipIf(blocker !== undefined)('the kube steps in a workspace without the kube binaries', () => {
  let harness: StepsHarness;
  const runRecords = (): string[] => readdirSync(join(harness.space.workspace, '.demystify', 'runs'));

  beforeAll(async () => {
    harness = await openStepsHarness({
      withoutKubeBinaries: true,
      manifest: (deck) => ({
        ...deck,
        demos: deck.demos.map((demo) => (LONE_DAEMONS.some(([id]) => id === demo.id) ? { ...demo, needs: [] } : demo)),
      }),
    });
    for (const id of ['pki', 'etcd']) {
      const snapshot = await harness.driver.run(id);
      if (!['exited', 'ready'].includes(snapshot.state) || snapshot.code !== undefined) throw new Error(`${id} failed: ${snapshot.message ?? ''}\n${snapshot.output}`);
    }
  });
  afterAll(async () => harness?.dispose());

  it('kube-apiserver, its etcd ready, fails with BINARY_MISSING naming bin/kube-apiserver and `npx demystify fetch`', async () => {
    const before = runRecords();
    const apiserver = await harness.driver.run('kube-apiserver');
    expect(apiserver).toMatchObject({ demoId: 'kube-apiserver', state: 'failed', code: 'BINARY_MISSING' });
    expect(apiserver.message).toContain('bin/kube-apiserver');
    expect(apiserver.message).toContain(join(harness.space.workspace, 'bin', 'kube-apiserver'));
    expect(apiserver.message).toContain('npx demystify fetch');
    expect(runRecords()).toEqual(before);
    expect(await harness.netns.isListening(6443)).toBe(false);
  });

  it.each(LONE_DAEMONS)('%s fails with BINARY_MISSING naming %s and `npx demystify fetch`', async (id, binary) => {
    const snapshot = await harness.driver.run(id);
    expect(snapshot).toMatchObject({ demoId: id, state: 'failed', code: 'BINARY_MISSING' });
    expect(snapshot.message).toContain(binary);
    expect(snapshot.message).toContain('npx demystify fetch');
  });
});
