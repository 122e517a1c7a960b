import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureTalkImages, type CommandResult, type CtrClient, type CtrImage } from '../../../src/workspace/index.ts';

/** A containerd image store in memory, behind the CtrClient interface. */
function createFakeCtr(options: { pullWorks: boolean; images?: CtrImage[] }) {
  const images = new Map((options.images ?? []).map((image) => [image.ref, image]));
  const calls: string[] = [];
  const ok = (stdout = ''): CommandResult => ({ exitCode: 0, stdout, stderr: '', timedOut: false, spawnFailed: false });
  const invoke: CtrClient['invoke'] = async (args) => {
    calls.push(args.join(' '));
    const [group, verb, ...rest] = args;
    if (group !== 'images') return ok();
    if (verb === 'pull') {
      if (!options.pullWorks) return { exitCode: 1, stdout: '', stderr: 'ctr: failed to resolve reference: dial tcp: lookup registry.k8s.io: no such host\n', timedOut: false, spawnFailed: false };
      images.set(rest.at(-1)!, { ref: rest.at(-1)!, labels: {} });
    }
    if (verb === 'import') {
      for (const ref of ['registry.k8s.io/pause:3.9', 'docker.io/zwindler/vhelloworld:latest']) if (rest[0]!.includes(ref.includes('pause') ? 'pause' : 'vhello')) images.set(ref, { ref, labels: {} });
    }
    if (verb === 'label') {
      const [ref, pair] = rest as [string, string];
      const [key, value] = pair.split('=') as [string, string];
      const image = images.get(ref)!;
      if (value === '') delete image.labels[key];
      else image.labels[key] = value;
    }
    return ok();
  };
  const ctr = {
    address: '/tmp/c.sock',
    invoke,
    call: async (args: readonly string[]) => (await invoke(args)).stdout,
    listImages: async () => [...images.values()].map((image) => ({ ref: image.ref, labels: { ...image.labels } })),
  } as unknown as CtrClient;
  return { ctr, calls };
}

let dir: string;
let busyboxPath: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demystify-images-'));
  // A minimal static x86-64 ELF header stands for busybox: the builder checks only that.
  const elf = Buffer.alloc(64);
  elf.writeUInt32BE(0x7f454c46, 0);
  elf[4] = 2;
  elf[5] = 1;
  elf.writeUInt16LE(0x3e, 0x12);
  elf.writeBigUInt64LE(64n, 0x20);
  elf.writeUInt16LE(56, 0x36);
  busyboxPath = join(dir, 'busybox');
  await writeFile(busyboxPath, elf);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ensureTalkImages', () => {
  it('imports labelled stand-ins and says plainly they are not the upstream images when no registry answers', async () => {
    const { ctr } = createFakeCtr({ pullWorks: false });
    const lines: string[] = [];
    const ensured = await ensureTalkImages({ ctr, imagesDir: join(dir, 'images'), arch: 'amd64', busyboxPath, log: (line) => lines.push(line) });
    expect(ensured.map((image) => [image.ref, image.source])).toEqual([
      ['registry.k8s.io/pause:3.9', 'stand-in'],
      ['docker.io/zwindler/vhelloworld:latest', 'stand-in'],
    ]);
    expect(lines[0]).toMatch(/^registry\.k8s\.io\/pause:3\.9: pull failed: ctr: failed to resolve reference.*; imported a LOCAL STAND-IN, not the upstream image/);
    expect((await ctr.listImages('k8s.io')).every((image) => image.labels['io.demystify.stand-in'] === 'true')).toBe(true);
  });

  it('never calls a registry in offline mode', async () => {
    const { ctr, calls } = createFakeCtr({ pullWorks: true });
    await ensureTalkImages({ ctr, imagesDir: join(dir, 'images'), arch: 'amd64', busyboxPath, offline: true });
    expect(calls.some((call) => call.startsWith('images pull'))).toBe(false);
  });

  it('pulls from the registry for this architecture when it answers, and builds nothing', async () => {
    const { ctr, calls } = createFakeCtr({ pullWorks: true });
    const ensured = await ensureTalkImages({ ctr, imagesDir: join(dir, 'images'), arch: 'amd64', busyboxPath: join(dir, 'missing') });
    expect(ensured.every((image) => image.source === 'pulled' && !image.standIn)).toBe(true);
    expect(calls).toContain('images pull --platform linux/amd64 registry.k8s.io/pause:3.9');
  });

  it('is re-runnable: present images are left alone and reported as stand-ins when they are', async () => {
    const { ctr, calls } = createFakeCtr({ pullWorks: false, images: [{ ref: 'registry.k8s.io/pause:3.9', labels: { 'io.demystify.stand-in': 'true' } }, { ref: 'docker.io/zwindler/vhelloworld:latest', labels: {} }] });
    const lines: string[] = [];
    await ensureTalkImages({ ctr, imagesDir: join(dir, 'images'), arch: 'amd64', busyboxPath, log: (line) => lines.push(line) });
    expect(lines).toEqual([
      'registry.k8s.io/pause:3.9: already present (LOCAL STAND-IN, not the upstream image)',
      'docker.io/zwindler/vhelloworld:latest: already present',
    ]);
    expect(calls).toEqual([]);
  });
});
