import { mkdtemp, mkdir, readFile, rm, stat, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareWorkspace, resetWorkspace, type NodeFacts } from '../../../src/workspace/index.ts';

const FACTS: NodeFacts = { arch: 'amd64', cgroupVersion: 1, initIsSystemd: false, hasCapSysResource: false, cniBinDir: '/usr/lib/cni' };

let dir: string;
let root: string;
let workspace: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demystify-workspace-'));
  root = join(dir, 'project');
  workspace = join(dir, 'workspace');
  await mkdir(join(root, 'demos', 'pki'), { recursive: true });
  await writeFile(join(root, 'demos', 'deploy.yaml'), 'kind: Deployment\n');
  await writeFile(join(root, 'demos', 'service.yaml'), 'kind: Service\n');
  await writeFile(join(root, 'demos', 'pki', 'ca-csr.json'), '{"CN":"Kubernetes"}\n');
  await writeFile(join(root, 'demos', 'notes.txt'), 'not a manifest\n');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const prepare = (extra: { force?: boolean } = {}) => prepareWorkspace({ root, workspace, facts: FACTS, ...extra });

describe('prepareWorkspace', () => {
  it('lays out the talk\'s directory with the manifests at the top, the cfssl files in certs/ and the node configs', async () => {
    const prepared = await prepare();
    expect((await readdir(workspace)).sort()).toEqual(
      ['.demystify-workspace.json', 'bin', 'certs', 'cni', 'containerd', 'deploy.yaml', 'images', 'logs', 'service.yaml'].sort(),
    );
    expect(await readFile(join(workspace, 'deploy.yaml'), 'utf8')).toBe('kind: Deployment\n');
    expect(await readFile(join(workspace, 'certs', 'ca-csr.json'), 'utf8')).toBe('{"CN":"Kubernetes"}\n');
    expect(await readFile(join(workspace, 'containerd', 'config.toml'), 'utf8')).toContain(`root = "${join(workspace, 'containerd', 'root')}"`);
    expect(JSON.parse(await readFile(join(workspace, 'cni', '10-bridge.conflist'), 'utf8')).plugins[0].ipam.dataDir).toBe(join(workspace, 'cni', 'ipam'));
    expect((await stat(join(workspace, 'certs'))).mode & 0o777).toBe(0o700);
    expect(prepared.files.every((file) => file.outcome === 'created')).toBe(true);
  });

  it('leaves etcd-data to etcd, which creates it with mode 700', async () => {
    await prepare();
    await expect(stat(join(workspace, 'etcd-data'))).rejects.toThrow(/ENOENT/);
  });

  it('updates a copy the speaker did not touch and keeps one the speaker edited', async () => {
    await prepare();
    await writeFile(join(workspace, 'service.yaml'), 'kind: Service # edited on stage\n');
    await writeFile(join(root, 'demos', 'deploy.yaml'), 'kind: Deployment # v2\n');
    await writeFile(join(root, 'demos', 'service.yaml'), 'kind: Service # v2\n');
    const again = await prepare();
    const outcome = (path: string) => again.files.find((file) => file.path === path)?.outcome;
    expect(outcome('deploy.yaml')).toBe('updated');
    expect(outcome('service.yaml')).toBe('kept');
    expect(outcome('containerd/config.toml')).toBe('unchanged');
    expect(await readFile(join(workspace, 'deploy.yaml'), 'utf8')).toBe('kind: Deployment # v2\n');
    expect(await readFile(join(workspace, 'service.yaml'), 'utf8')).toBe('kind: Service # edited on stage\n');
  });

  it('replaces the speaker\'s edit only when forced', async () => {
    await prepare();
    await writeFile(join(workspace, 'deploy.yaml'), 'edited\n');
    const forced = await prepare({ force: true });
    expect(forced.files.find((file) => file.path === 'deploy.yaml')?.outcome).toBe('replaced');
    expect(await readFile(join(workspace, 'deploy.yaml'), 'utf8')).toBe('kind: Deployment\n');
  });
});

describe('resetWorkspace', () => {
  it('removes what prepare made and what the demos wrote into their outputs, and nothing the speaker made', async () => {
    await prepare();
    await mkdir(join(workspace, 'etcd-data', 'member'), { recursive: true, mode: 0o700 });
    await writeFile(join(workspace, 'logs', 'etcd.log'), 'log\n');
    await mkdir(join(workspace, 'containerd', 'root', 'io.containerd.content.v1.content'), { recursive: true });
    await writeFile(join(workspace, 'certs', 'my-notes.txt'), 'mine\n');
    await writeFile(join(workspace, 'deploy.yaml'), 'edited\n');
    const report = await resetWorkspace({ workspace });
    expect(report.kept.sort()).toEqual(['certs/', 'deploy.yaml']);
    expect((await readdir(workspace)).sort()).toEqual(['.demystify-workspace.json', 'certs', 'deploy.yaml']);
    expect(await readdir(join(workspace, 'certs'))).toEqual(['my-notes.txt']);
    expect(report.removed).toEqual(expect.arrayContaining(['etcd-data', 'logs', 'containerd/root', 'containerd/config.toml', 'service.yaml', 'bin/']));
  });

  it('removes the workspace itself when nothing but our files was in it', async () => {
    await prepare();
    await resetWorkspace({ workspace });
    await expect(stat(workspace)).rejects.toThrow(/ENOENT/);
  });
});
