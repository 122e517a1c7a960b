import { mkdtemp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanupNode, type CriClient, type CtrClient } from '../../../src/workspace/index.ts';

let dir: string;
const silentContainerd = { isAnswering: async () => false } as unknown as CtrClient;
const unusedCri = {} as CriClient;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demystify-cleanup-'));
  await mkdir(join(dir, 'run', 's'), { recursive: true });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cleanup = (extra: Partial<Parameters<typeof cleanupNode>[0]>) =>
  cleanupNode({ address: join(dir, 'c.sock'), mountRoots: [dir], runDir: join(dir, 'run'), ctr: silentContainerd, cri: unusedCri, ...extra });

describe('cleanupNode', () => {
  it('leaves /run/containerd alone while any containerd still runs on the machine', async () => {
    const report = await cleanup({ isContainerdRunning: async () => true });
    expect(report.runDirRemoved).toBe(false);
    expect(await readdir(join(dir, 'run'))).toEqual(['s']);
  });

  it('removes /run/containerd leftovers once no containerd runs', async () => {
    const report = await cleanup({ isContainerdRunning: async () => false });
    expect(report.runDirRemoved).toBe(true);
    expect(await readdir(dir)).toEqual([]);
  });

  it('stops containerd only through its owner\'s callback', async () => {
    const order: string[] = [];
    await cleanup({ isContainerdRunning: async () => false, stopContainerd: async () => void order.push('stop') });
    expect(order).toEqual(['stop']);
  });

  it('kills and removes only the CRI namespace\'s tasks and containers, never another tenant\'s such as Docker\'s moby', async () => {
    const calls: string[] = [];
    const stopped = new Set<string>();
    const ctr = {
      isAnswering: async () => true,
      listNamespaces: async () => ['k8s.io', 'moby'],
      listContainers: async (namespace: string) => [`${namespace}-c`],
      readContainerSpec: async () => ({}),
      listTasks: async (namespace: string) => [{ id: `${namespace}-c`, pid: 1, status: stopped.has(namespace) ? 'STOPPED' : 'RUNNING' }],
      invoke: async (args: readonly string[], options: { namespace?: string } = {}) => {
        calls.push(`${options.namespace} ${args.join(' ')}`);
        if (args[1] === 'kill') stopped.add(options.namespace ?? '');
        return { exitCode: 0, stdout: '', stderr: '', timedOut: false, spawnFailed: false };
      },
    } as unknown as CtrClient;
    const cri = { listPodSandboxes: async () => [] } as unknown as CriClient;
    const report = await cleanup({ ctr, cri, runDir: false });
    expect(calls).toEqual(['k8s.io tasks kill --signal SIGKILL k8s.io-c', 'k8s.io tasks delete k8s.io-c', 'k8s.io containers rm k8s.io-c']);
    expect(report.tasksKilled).toEqual(['k8s.io/k8s.io-c']);
  });

  it('removes the conflist it installed only while it still holds our content', async () => {
    const ours = join(dir, '10-bridge.conflist');
    const theirs = join(dir, '20-other.conflist');
    await writeFile(ours, 'ours');
    await writeFile(theirs, 'edited');
    await cleanup({ runDir: false, installedConflist: { path: ours, content: 'ours' } });
    await cleanup({ runDir: false, installedConflist: { path: theirs, content: 'ours' } });
    expect((await readdir(dir)).sort()).toEqual(['20-other.conflist', 'run']);
  });
});
