import { access, mkdtemp, rm, rmdir, readdir } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanupNode, createCtrClient, resolveWorkspacePaths, startContainerd } from '../../../src/workspace/index.ts';
import { findMissingRequirements } from './test-node.ts';

const missing = await findMissingRequirements();
if (missing !== undefined) console.warn(`SKIPPED demystify images --start: ${missing}.`);

const PROJECT_ROOT = join(import.meta.dirname, '..', '..', '..');
const disposers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const dispose of disposers.splice(0).reverse()) await dispose();
});

describe.skipIf(missing !== undefined)('demystify images --start', () => {
  it('starts containerd from the workspace config, imports the stand-ins into its store, and stops it again', async () => {
    const name = `t-ws-${randomBytes(4).toString('hex')}`;
    const dir = await mkdtemp(join(tmpdir(), `demystify-${name}-`));
    const paths = resolveWorkspacePaths(join(dir, 'workspace'));
    const address = join(dir, 'containerd.sock');
    const runDirExisted = await readdir('/run/containerd').then(() => true, () => false);
    const netnsDirExisted = await readdir('/run/netns').then(() => true, () => false);
    disposers.push(async () => {
      await cleanupNode({ address, mountRoots: [dir], runDir: runDirExisted ? false : '/run/containerd' });
      await execa('ip', ['netns', 'delete', name], { reject: false });
      if (!netnsDirExisted && (await readdir('/run/netns').catch(() => ['?'])).length === 0) {
        await execa('umount', ['/run/netns'], { reject: false });
        await rmdir('/run/netns').catch(() => undefined);
      }
      await rm(dir, { recursive: true, force: true });
    });
    await execa('ip', ['netns', 'add', name]);
    // The command runs in a child process inside the test's network namespace, so the containerd
    // it starts never sees the host's network.
    const script = `import('./src/cli/images-command.ts').then(async (m) => process.exit(await m.runImagesCommand(${JSON.stringify(['--workspace', paths.workspace, '--address', address, '--offline', '--start'])})))`;
    const run = await execa('nsenter', [`--net=/run/netns/${name}`, process.execPath, '--import', 'tsx', '-e', script], { cwd: PROJECT_ROOT, reject: false });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^started containerd \(pid \d+\) on .*containerd\.sock for the import/m);
    expect(run.stdout).toMatch(/registry\.k8s\.io\/pause:3\.9: .*LOCAL STAND-IN/);
    expect(run.stdout).toMatch(/^stopped containerd \(pid \d+\)$/m);
    const pid = Number(/^stopped containerd \(pid (\d+)\)$/m.exec(run.stdout)?.[1]);
    await expect(access(`/proc/${pid}`)).rejects.toThrow(/ENOENT/);

    // The images stay in the workspace's containerd root for the talk's containerd.
    const containerd = await startContainerd({ configPath: paths.containerdConfig, address, logFile: join(dir, 'again.log'), netnsPath: `/run/netns/${name}` });
    disposers.push(containerd.stop);
    const refs = (await createCtrClient({ address }).listImages('k8s.io')).map((image) => image.ref);
    expect(refs).toEqual(expect.arrayContaining(['registry.k8s.io/pause:3.9', 'docker.io/zwindler/vhelloworld:latest']));
  });
});
