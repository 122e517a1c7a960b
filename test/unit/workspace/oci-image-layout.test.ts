import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createOciImageLayout, createStandInImage, APP_STAND_IN, PAUSE_STAND_IN, type OciImageOptions } from '../../../src/workspace/index.ts';
import { readTar } from './read-tar.ts';

const sha256 = (bytes: Uint8Array): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

const OPTIONS: OciImageOptions = {
  ref: 'docker.io/zwindler/vhelloworld:latest',
  arch: 'amd64',
  rootfs: [
    { type: 'directory', path: 'bin' },
    { type: 'file', path: 'bin/busybox', mode: 0o755, content: Buffer.from('not really busybox') },
  ],
  entrypoint: ['/bin/busybox', 'httpd', '-f'],
  exposedPorts: [8081],
  description: 'a test image',
};

function openLayout(archive: Buffer) {
  const files = new Map(readTar(archive).map((entry) => [entry.name, entry.content]));
  const json = (name: string) => JSON.parse(files.get(name)!.toString('utf8'));
  const blob = (digest: string) => files.get(`blobs/sha256/${digest.slice('sha256:'.length)}`)!;
  return { files, json, blob };
}

describe('createOciImageLayout', () => {
  const layout = createOciImageLayout(OPTIONS);
  const { files, json, blob } = openLayout(layout.archive);

  it('holds oci-layout, index.json and one blob per digest, each blob named by its own sha256', () => {
    expect(json('oci-layout')).toEqual({ imageLayoutVersion: '1.0.0' });
    const blobs = [...files.keys()].filter((name) => name.startsWith('blobs/sha256/') && name !== 'blobs/sha256/');
    expect(blobs).toHaveLength(3);
    for (const name of blobs) expect(sha256(files.get(name)!)).toBe(`sha256:${name.slice('blobs/sha256/'.length)}`);
  });

  it('names the image in index.json the way ctr import and CRI read it', () => {
    const index = json('index.json');
    expect(index.manifests).toHaveLength(1);
    expect(index.manifests[0]).toMatchObject({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: layout.manifest.digest,
      size: layout.manifest.size,
      platform: { architecture: 'amd64', os: 'linux' },
      annotations: { 'io.containerd.image.name': OPTIONS.ref, 'org.opencontainers.image.ref.name': OPTIONS.ref },
    });
  });

  it('links manifest to config and layer with matching digests and sizes', () => {
    const manifest = JSON.parse(blob(layout.manifest.digest).toString('utf8'));
    expect(manifest.config).toEqual({ mediaType: 'application/vnd.oci.image.config.v1+json', digest: layout.config.digest, size: blob(layout.config.digest).length });
    expect(manifest.layers).toEqual([{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: layout.layer.digest, size: blob(layout.layer.digest).length }]);
  });

  it('lists as diff_id the sha256 of the uncompressed layer, whose tar holds the rootfs', () => {
    const config = JSON.parse(blob(layout.config.digest).toString('utf8'));
    const uncompressed = gunzipSync(blob(layout.layer.digest));
    expect(config.rootfs).toEqual({ type: 'layers', diff_ids: [sha256(uncompressed)] });
    expect(config).toMatchObject({ architecture: 'amd64', os: 'linux', config: { Entrypoint: OPTIONS.entrypoint, ExposedPorts: { '8081/tcp': {} } } });
    expect(readTar(uncompressed).map((entry) => entry.name)).toEqual(['bin/', 'bin/busybox']);
  });

  it('is reproducible: two builds give the same manifest digest and the same archive bytes', () => {
    const again = createOciImageLayout(OPTIONS);
    expect(again.manifest.digest).toBe(layout.manifest.digest);
    expect(again.archive.equals(layout.archive)).toBe(true);
    expect(createOciImageLayout({ ...OPTIONS, arch: 'arm64' }).manifest.digest).not.toBe(layout.manifest.digest);
  });
});

describe('the stand-in images', () => {
  const busybox = Buffer.from('fake busybox bytes');

  it('are named exactly like the sandbox image of the config and the deck\'s app image', () => {
    expect(PAUSE_STAND_IN.ref).toBe('registry.k8s.io/pause:3.9');
    expect(APP_STAND_IN.ref).toBe('docker.io/zwindler/vhelloworld:latest');
  });

  it('start a SIGTERM-aware shell that serves "Hello from host: <hostname>" on 8081', () => {
    const image = createStandInImage(APP_STAND_IN, busybox, 'amd64');
    const config = JSON.parse(openLayout(image.archive).blob(image.config.digest).toString('utf8'));
    const script = config.config.Entrypoint.at(-1) as string;
    expect(script).toMatch(/^trap "exit 0" TERM INT;/);
    expect(script).toContain('Hello from host: $(/bin/busybox hostname)');
    expect(script).toContain('httpd -f -p 8081');
    expect(config.config.Labels['io.demystify.stand-in']).toBe('true');
  });

  it('say in their index annotations that they are not the upstream images', () => {
    for (const image of [APP_STAND_IN, PAUSE_STAND_IN]) {
      const index = openLayout(createStandInImage(image, busybox, 'arm64').archive).json('index.json');
      expect(index.manifests[0].annotations['org.opencontainers.image.description']).toMatch(/stand-in .* \(not the upstream image\)/);
      expect(index.manifests[0].platform.architecture).toBe('arm64');
    }
  });
});
