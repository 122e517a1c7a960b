// `demystify reset` on a real workspace: the deck's pki, kubeconfig and etcd demos run through an
// orchestrator in a child process (inside the test's namespace, etcd on its talk port), then
// that orchestrator dies by SIGKILL — its etcd started with SIGHUP ignored, so it outlives it, as a
// daemon does when the PTY hangup does not reach it. reset must stop etcd and remove exactly what
// the preparation and the steps made; a file the speaker added stays.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runResetCommand } from '../../../src/cli/reset-command.ts';
import type { DemoSnapshot } from '../../../src/shared/index.ts';
import { isAlive } from '../orchestrator/support/process-checks.ts';
import { findNetnsBlocker } from './support/test-netns.ts';
import { findMissingBinaries, openStepsHarness } from './support/steps-harness.ts';
import type { StepsHarness } from './support/steps-harness.ts';

const missing = await findMissingBinaries(['cfssl', 'cfssljson', 'etcd', 'kubectl']);
const blocker = (await findNetnsBlocker()) ?? (missing.length > 0 ? `${missing.join(', ')} missing: run \`npx demystify fetch\`` : undefined);
if (blocker !== undefined) console.warn(`SKIPPED the reset tests: ${blocker}.`);

let harness: StepsHarness | undefined;
afterEach(async () => {
  await harness?.dispose();
  harness = undefined;
});

async function runSteps(current: StepsHarness, ids: string[]): Promise<DemoSnapshot[]> {
  const snapshots: DemoSnapshot[] = [];
  for (const id of ids) {
    const snapshot = await current.driver.run(id);
    if (snapshot.code !== undefined || !['exited', 'ready'].includes(snapshot.state)) throw new Error(`${id}: ${snapshot.message ?? ''}\n${snapshot.output}`);
    snapshots.push(snapshot);
  }
  return snapshots;
}

async function reset(args: string[]): Promise<{ code: number; text: string }> {
  let text = '';
  const code = await runResetCommand(args, { stdout: { write: (chunk: string) => (text += chunk) } });
  return { code, text };
}

const recordedPid = (workspace: string, runId: string | null): number =>
  (JSON.parse(readFileSync(join(workspace, '.demystify', 'runs', `${runId}.json`), 'utf8')) as { pid: number }).pid;

describe.skipIf(blocker !== undefined)('demystify reset', () => {
  it('after a SIGKILLed orchestrator: stops its etcd, removes etcd-data, the copied files, certificates and links, keeps the speaker’s file', async () => {
    harness = await openStepsHarness({ withoutKubeBinaries: true, driver: { ignoreHangup: true } });
    const { workspace } = harness.space;
    writeFileSync(join(workspace, 'notes.txt'), 'mes notes\n');
    const [, , etcd] = await runSteps(harness, ['pki', 'kubeconfig', 'etcd']);
    const pid = recordedPid(workspace, etcd?.runId ?? null);
    expect(existsSync(join(workspace, 'etcd-data', 'member'))).toBe(true);

    await harness.driver.kill();
    expect(isAlive(pid), 'etcd outlived its orchestrator').toBe(true);
    expect(await harness.netns.isListening(2379)).toBe(true);

    const { code, text } = await reset(['--workspace', workspace]);
    expect(code, text).toBe(0);
    expect(isAlive(pid)).toBe(false);
    expect(await harness.netns.isListening(2379)).toBe(false);
    expect(text).toMatch(new RegExp(`^Stopped:\\n  etcd \\(pids? [\\d, ]*\\b${pid}\\b`, 'm'));
    expect(readdirSync(workspace)).toEqual(['notes.txt']);
    expect(readFileSync(join(workspace, 'notes.txt'), 'utf8')).toBe('mes notes\n');
    for (const removed of ['etcd-data', 'deploy.yaml', 'service.yaml', 'certs/ca-csr.json', 'certs/admin.pem', 'admin.conf', 'bin/etcd (link)', 'containerd/config.toml', '.demystify/']) {
      expect(text).toContain(removed);
    }
    expect(text).toMatch(/^Kept \(1\):\n  notes\.txt \(not made by demystify\)$/m);
  });

  it('while its orchestrator lives: changes nothing without --force and names it; with --force stops its demos', async () => {
    harness = await openStepsHarness({ withoutKubeBinaries: true });
    const { workspace } = harness.space;
    const [, etcd] = await runSteps(harness, ['pki', 'etcd']);
    const pid = recordedPid(workspace, etcd?.runId ?? null);

    const refused = await reset(['--workspace', workspace]);
    expect(refused.code).toBe(1);
    expect(refused.text).toContain(`pid ${harness.driver.pid} (demos: etcd)`);
    expect(refused.text).toContain('npx demystify reset --force');
    expect(isAlive(pid)).toBe(true);
    expect(existsSync(join(workspace, 'etcd-data'))).toBe(true);
    expect(existsSync(join(workspace, 'deploy.yaml'))).toBe(true);

    const forced = await reset(['--workspace', workspace, '--force']);
    expect(forced.code, forced.text).toBe(0);
    expect(isAlive(pid)).toBe(false);
    expect(existsSync(workspace)).toBe(false);
  });
});
