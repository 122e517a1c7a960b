// `demystify reset` with a containerd of ours holding a running container, its orchestrator
// SIGKILLed: reset empties containerd through its own socket first (task killed, container
// removed, shim gone), then stops it, unmounts what was under the workspace and removes
// containerd's data. The deck's containerd demo runs verbatim, in the test's network namespace,
// but the workspace config points it at a socket under the test's temp folder (not the talk's
// /run/containerd/containerd.sock), so the demo's readiness check is pointed there too.
import { existsSync, readdirSync, rmdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runResetCommand } from '../../../src/cli/reset-command.ts';
import { createCtrClient, isAnyContainerdRunning, listMountsUnder, listShimsOf } from '../../../src/workspace/index.ts';
import { isAlive } from '../orchestrator/support/process-checks.ts';
import { findMissingRequirements } from '../workspace/test-node.ts';
import { findNetnsBlocker } from './support/test-netns.ts';
import { openStepsHarness } from './support/steps-harness.ts';
import type { StepsHarness } from './support/steps-harness.ts';

const blocker = (await findNetnsBlocker()) ?? (await findMissingRequirements());
if (blocker !== undefined) console.warn(`SKIPPED the reset-with-containerd test: ${blocker}.`);

const APP = 'docker.io/zwindler/vhelloworld:latest';

let harness: StepsHarness | undefined;
let cgroupParent: string | undefined;
const runDirExisted = existsSync('/run/containerd');
afterEach(async () => {
  await harness?.dispose();
  harness = undefined;
  if (cgroupParent !== undefined) {
    const controllers = readdirSync('/sys/fs/cgroup');
    for (const controller of ['', ...controllers]) {
      try {
        rmdirSync(join('/sys/fs/cgroup', controller, cgroupParent));
      } catch {
        // Not there (or not a cgroup hierarchy).
      }
    }
  }
  // containerd 1.6 makes /run/containerd whatever its address: gone with reset, unless the test failed first.
  if (!runDirExisted && !(await isAnyContainerdRunning())) rmSync('/run/containerd', { recursive: true, force: true });
});

describe.skipIf(blocker !== undefined)('demystify reset with a containerd of ours', () => {
  it('kills its task and removes its container through its socket, then stops it, leaving no shim, mount or data', async () => {
    const socketOf = (containerdDir: string): string => join(containerdDir, 'containerd.sock');
    harness = await openStepsHarness({
      withoutKubeBinaries: true,
      driver: { ignoreHangup: true },
      prepare: (paths) => ({ address: socketOf(paths.containerd) }),
      manifest: (deck, space) => ({
        ...deck,
        demos: deck.demos.map((demo) => (demo.id === 'containerd' ? { ...demo, ready: { type: 'socket', path: socketOf(space.paths.containerd) } } : demo)),
      }),
    });
    const { workspace, paths, dir } = harness.space;
    const address = socketOf(paths.containerd);
    const containerd = await harness.driver.run('containerd');
    expect(containerd.state, containerd.output).toBe('ready');
    await harness.driver.images(address, paths.images);
    cgroupParent = `/${harness.netns.name}`;
    const ctr = createCtrClient({ address });
    await ctr.call(['run', '-d', '--fifo-dir', join(dir, 'fifo'), '--runc-root', join(paths.containerd, 'runc'), '--cgroup', `${cgroupParent}/app`, APP, 'app'], { namespace: 'k8s.io' });
    const shims = await listShimsOf(address);
    expect(shims.length).toBeGreaterThan(0);
    expect((await listMountsUnder([workspace])).length).toBeGreaterThan(0);

    await harness.driver.kill();
    expect(await ctr.isAnswering(), 'containerd outlived its orchestrator').toBe(true);

    let text = '';
    const code = await runResetCommand(['--workspace', workspace], { stdout: { write: (chunk: string) => (text += chunk) } });
    expect(code, text).toBe(0);
    expect(text).toContain('Node: our containerd emptied through its socket (0 pod sandboxes, 1 container) and stopped');
    expect(text).toMatch(/^Stopped:\n  containerd \(pids? /m);
    expect(await ctr.isAnswering()).toBe(false);
    for (const pid of shims) expect(isAlive(pid), `shim ${pid}`).toBe(false);
    expect(await listShimsOf(address)).toEqual([]);
    expect(await listMountsUnder([dir])).toEqual([]);
    expect(existsSync(paths.containerdRoot)).toBe(false);
    expect(existsSync(workspace) ? readdirSync(workspace, { recursive: true }) : [], text).toEqual([]);
    if (!runDirExisted) expect(existsSync('/run/containerd')).toBe(false);
  });
});
