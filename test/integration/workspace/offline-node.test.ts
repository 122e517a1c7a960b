import { access, readFile } from 'node:fs/promises';
import { execa } from 'execa';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runImagesCommand } from '../../../src/cli/images-command.ts';
import { ensureTalkImages, execCniConflist, isAnyContainerdRunning, listMountsUnder, parseCniConflist, parsePodIp, type CriCondition } from '../../../src/workspace/index.ts';
import { findMissingRequirements, isAlive, startTestNode, waitFor, type TestNode } from './test-node.ts';

const missing = await findMissingRequirements();
if (missing !== undefined) console.warn(`SKIPPED the offline node tests: ${missing}.`);

const APP = 'docker.io/zwindler/vhelloworld:latest';
const PAUSE = 'registry.k8s.io/pause:3.9';

const nodes: TestNode[] = [];
async function startNode(): Promise<TestNode> {
  const node = await startTestNode();
  nodes.push(node);
  return node;
}

afterEach(async () => {
  vi.restoreAllMocks();
  const disposing = nodes.splice(0).map((node) => node.dispose());
  await Promise.all(disposing);
});

const networkReady = (conditions: CriCondition[]) => conditions.find((condition) => condition.type === 'NetworkReady');

async function curlFromNode(node: TestNode, url: string): Promise<string> {
  return waitFor(`${url} to answer inside ${node.name}`, async () => {
    const result = await execa('nsenter', [`--net=${node.netnsPath}`, 'curl', '-sS', '--max-time', '2', url], { reject: false });
    return result.exitCode === 0 ? result.stdout : undefined;
  });
}

async function importOffline(node: TestNode): Promise<void> {
  await ensureTalkImages({ ctr: node.ctr, imagesDir: node.paths.images, arch: node.facts.arch, offline: true });
}

describe.skipIf(missing !== undefined)('the offline node, inside a network namespace of its own', () => {
  it('containerd started with the generated config loads the CRI plugin', async () => {
    const node = await startNode();
    const cri = (await node.ctr.listPlugins()).find((plugin) => plugin.type === 'io.containerd.grpc.v1' && plugin.id === 'cri');
    expect(cri?.status).toBe('ok');
    expect(await readFile(node.paths.containerdConfig, 'utf8')).toContain('sandbox_image = "registry.k8s.io/pause:3.9"');
  });

  it('CRI reports the network not ready until the bridge conflist is in conf_dir, then ready, as the kubelet will see it', async () => {
    const node = await startNode();
    const before = networkReady(await node.cri.readStatus());
    expect(before).toMatchObject({ status: false, message: expect.stringContaining('cni plugin not initialized') });
    await node.installConflist();
    const after = await waitFor('NetworkReady', async () => {
      const condition = networkReady(await node.cri.readStatus());
      return condition?.status === true ? condition : undefined;
    });
    expect(after.status).toBe(true);
  });

  it('demystify images imports the stand-ins into k8s.io under the exact names, says they are stand-ins, and can run again', async () => {
    const node = await startNode();
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    const args = ['--workspace', node.paths.workspace, '--address', node.address, '--offline'];
    expect(await runImagesCommand(args)).toBe(0);
    expect(lines.join('\n')).toMatch(/registry\.k8s\.io\/pause:3\.9: offline mode, no registry tried; imported a LOCAL STAND-IN, not the upstream image/);
    expect(lines.join('\n')).toMatch(/docker\.io\/zwindler\/vhelloworld:latest: .*LOCAL STAND-IN/);
    expect(lines.at(-1)).toMatch(/^Note: 2 of 2 images are local stand-ins/);
    const refs = (await node.ctr.listImages('k8s.io')).map((image) => image.ref);
    expect(refs).toEqual(expect.arrayContaining([APP, PAUSE]));
    lines.length = 0;
    expect(await runImagesCommand(args)).toBe(0);
    expect(lines.slice(0, 2)).toEqual([`${PAUSE}: already present (LOCAL STAND-IN, not the upstream image)`, `${APP}: already present (LOCAL STAND-IN, not the upstream image)`]);
  });

  it('a container from the stand-in app image answers "Hello from host:" on its pod IP inside the namespace', async () => {
    const node = await startNode();
    await importOffline(node);
    const podNetns = await node.createPodNetns('pod');
    const conflist = parseCniConflist(node.conflistText);
    const cni = { conflist, containerId: `${node.name}-pod`, netnsPath: podNetns, binDir: node.facts.cniBinDir!, runtimeNetns: node.netnsPath };
    const podIp = parsePodIp(await execCniConflist({ command: 'ADD', ...cni }));
    const pause = `${node.name}-pause`;
    const app = `${node.name}-app`;
    await node.ctr.call(['run', '-d', ...node.ctrRunFlags(pause), '--with-ns', `network:${podNetns}`, PAUSE, pause], { namespace: 'k8s.io' });
    const pausePid = (await node.ctr.listTasks('k8s.io')).find((task) => task.id === pause)!.pid;
    await node.ctr.call(['run', '-d', ...node.ctrRunFlags(app), '--with-ns', `network:/proc/${pausePid}/ns/net`, APP, app], { namespace: 'k8s.io' });
    expect(await curlFromNode(node, `http://${podIp}:8081/`)).toMatch(/^Hello from host: \S+/);
    // Both stand-ins exit on SIGTERM at once, so a pod deletion does not wait out a grace period.
    await node.ctr.call(['tasks', 'kill', app], { namespace: 'k8s.io' });
    await node.ctr.call(['tasks', 'kill', pause], { namespace: 'k8s.io' });
    await waitFor('both tasks to stop on SIGTERM', async () => {
      const tasks = await node.ctr.listTasks('k8s.io');
      return tasks.filter((task) => task.id === app || task.id === pause).every((task) => task.status === 'STOPPED') ? true : undefined;
    }, 5_000);
    await execCniConflist({ command: 'DEL', ...cni });
  });

  it('a pod sandbox created through CRI runs the stand-in pause image, gets a pod address, and cleanupNode leaves nothing behind', async () => {
    const node = await startNode();
    await node.installConflist();
    await importOffline(node);
    await waitFor('NetworkReady', async () => (networkReady(await node.cri.readStatus())?.status ? true : undefined));
    const sandbox = await node.cri.runPodSandbox({ name: 'web', namespace: 'default', uid: node.name, cgroupParent: node.cgroupParent });
    const spec = await node.ctr.readContainerSpec('k8s.io', sandbox);
    const sandboxNetns = spec.linux?.namespaces?.find((entry) => entry.type === 'network')?.path ?? '';
    expect(sandboxNetns).toMatch(/\/netns\/cni-[\w-]+$/);
    const info = JSON.parse(await node.ctr.call(['containers', 'info', sandbox], { namespace: 'k8s.io' })) as { Image: string };
    expect(info.Image).toBe(PAUSE);
    const address = await execa('nsenter', [`--net=${sandboxNetns}`, 'ip', '-4', '-o', 'addr', 'show', 'eth0']);
    const podIp = /inet (10\.244\.0\.\d+)\/24/.exec(address.stdout)?.[1];
    expect(podIp).toBeDefined();
    const app = `${node.name}-app`;
    await node.ctr.call(['run', '-d', ...node.ctrRunFlags(app), '--with-ns', `network:${sandboxNetns}`, APP, app], { namespace: 'k8s.io' });
    expect(await curlFromNode(node, `http://${podIp}:8081/`)).toMatch(/^Hello from host: /);
    const pids = (await node.ctr.listTasks('k8s.io')).map((task) => task.pid);

    const report = await node.cleanup();

    expect(report.sandboxesRemoved).toEqual([sandbox]);
    expect(report.tasksKilled).toEqual([`k8s.io/${app}`]);
    expect(report.problems).toEqual([]);
    await expect(access(sandboxNetns)).rejects.toThrow(/ENOENT/);
    expect(await Promise.all(pids.map(isAlive))).toEqual(pids.map(() => false));
    expect(await isAlive(node.containerd.pid)).toBe(false);
    expect(await listMountsUnder([node.dir])).toEqual([]);
    // containerd 1.6 leaves /run/containerd/s behind; it goes once no containerd at all runs.
    if (!node.runDirExisted && !(await isAnyContainerdRunning())) {
      expect(report.runDirRemoved).toBe(true);
      await expect(access('/run/containerd')).rejects.toThrow(/ENOENT/);
    }
  });

  it('demystify images without a running containerd says how to start it', async () => {
    const node = await startNode();
    const args = ['--workspace', node.paths.workspace, '--address', `${node.dir}/nobody-listens.sock`, '--offline'];
    await expect(runImagesCommand(args)).rejects.toThrow(/containerd is not answering on .*nobody-listens\.sock\. .*start the containerd demo .*demystify images --start/);
  });
});
