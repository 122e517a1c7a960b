// An OCI image-layout tarball, built by hand: one gzip layer, its config (rootfs.diff_ids is the
// sha256 of the UNcompressed layer), the manifest, index.json naming the image the way
// `ctr images import` reads it, and oci-layout. Same inputs, same bytes, same digests.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { NodeArch } from '../node/node-facts.ts';
import { createTarArchive, type TarEntry } from './tar-archive.ts';

export const OCI_MANIFEST_MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_CONFIG_MEDIA_TYPE = 'application/vnd.oci.image.config.v1+json';
export const OCI_LAYER_MEDIA_TYPE = 'application/vnd.oci.image.layer.v1.tar+gzip';
export const OCI_INDEX_MEDIA_TYPE = 'application/vnd.oci.image.index.v1+json';
const EPOCH = '1970-01-01T00:00:00Z';

export type OciImageOptions = {
  /** Full reference as CRI normalises it, e.g. docker.io/zwindler/vhelloworld:latest. */
  ref: string;
  arch: NodeArch;
  rootfs: readonly TarEntry[];
  entrypoint: readonly string[];
  env?: readonly string[];
  exposedPorts?: readonly number[];
  labels?: Record<string, string>;
  /** Written into the history entry and the index annotations. */
  description: string;
};

export type OciBlob = { digest: string; size: number; bytes: Buffer };

export type OciImageLayout = {
  ref: string;
  /** The image-layout tarball, ready for `ctr images import`. */
  archive: Buffer;
  manifest: OciBlob;
  config: OciBlob;
  layer: OciBlob;
  /** sha256 of the uncompressed layer tar, as listed in config.rootfs.diff_ids. */
  diffId: string;
};

export function createDigest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

function createBlob(bytes: Buffer): OciBlob {
  return { digest: createDigest(bytes), size: bytes.length, bytes };
}

const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));

export function createOciImageLayout(options: OciImageOptions): OciImageLayout {
  const { ref, arch, rootfs, entrypoint, env = ['PATH=/bin'], exposedPorts = [], labels = {}, description } = options;
  const layerTar = createTarArchive(rootfs);
  const diffId = createDigest(layerTar);
  // zlib writes a fixed gzip header (mtime 0), so the compressed bytes are stable too.
  const layer = createBlob(gzipSync(layerTar, { level: 9 }));
  const config = createBlob(
    json({
      architecture: arch,
      os: 'linux',
      created: EPOCH,
      config: {
        Entrypoint: entrypoint,
        Env: env,
        WorkingDir: '/',
        ...(exposedPorts.length > 0 ? { ExposedPorts: Object.fromEntries(exposedPorts.map((port) => [`${port}/tcp`, {}])) } : {}),
        Labels: labels,
      },
      rootfs: { type: 'layers', diff_ids: [diffId] },
      history: [{ created: EPOCH, created_by: description }],
    }),
  );
  const manifest = createBlob(
    json({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST_MEDIA_TYPE,
      config: { mediaType: OCI_CONFIG_MEDIA_TYPE, digest: config.digest, size: config.size },
      layers: [{ mediaType: OCI_LAYER_MEDIA_TYPE, digest: layer.digest, size: layer.size }],
    }),
  );
  const index = json({
    schemaVersion: 2,
    mediaType: OCI_INDEX_MEDIA_TYPE,
    manifests: [
      {
        mediaType: OCI_MANIFEST_MEDIA_TYPE,
        digest: manifest.digest,
        size: manifest.size,
        platform: { architecture: arch, os: 'linux' },
        annotations: {
          'io.containerd.image.name': ref,
          'org.opencontainers.image.ref.name': ref,
          'org.opencontainers.image.description': description,
        },
      },
    ],
  });
  const blobPath = (blob: OciBlob): string => `blobs/sha256/${blob.digest.slice('sha256:'.length)}`;
  const archive = createTarArchive([
    { type: 'file', path: 'oci-layout', content: json({ imageLayoutVersion: '1.0.0' }) },
    { type: 'file', path: 'index.json', content: index },
    { type: 'directory', path: 'blobs' },
    { type: 'directory', path: 'blobs/sha256' },
    ...[layer, config, manifest].map((blob) => ({ type: 'file' as const, path: blobPath(blob), content: blob.bytes })),
  ]);
  return { ref, archive, manifest, config, layer, diffId };
}
