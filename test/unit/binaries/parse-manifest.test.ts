import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../src/binaries/index.ts';

function createManifest(artifact: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  return {
    version: 1,
    defaultProfile: 'p',
    profiles: {
      p: {
        description: 'a profile',
        arches: ['amd64'],
        artifacts: [
          {
            name: 'etcd',
            component: 'etcd',
            version: '3.5.14',
            type: 'tar.gz',
            installDir: 'bin',
            url: 'https://github.com/etcd-io/etcd/releases/download/v3.5.14/etcd-v3.5.14-linux-{arch}.tar.gz',
            checksum: { url: 'https://github.com/etcd-io/etcd/releases/download/v3.5.14/SHA256SUMS', algorithm: 'sha256', format: 'sums' },
            sha256: {},
            executables: [{ name: 'etcd', member: 'etcd-v3.5.14-linux-{arch}/etcd' }],
            ...artifact,
          },
        ],
      },
    },
    ...extra,
  };
}

describe('parseManifest', () => {
  it('accepts a valid manifest and defaults optional to false', () => {
    const manifest = parseManifest(createManifest());

    expect(manifest.profiles['p']?.artifacts[0]).toMatchObject({ name: 'etcd', optional: false, sha256: {} });
  });

  it.each([
    [{ url: 'http://insecure.example/etcd.tar.gz' }, 'test.json: profiles["p"].artifacts[0].url: Expected an https://<host>/<path> URL, got "http://insecure.example/etcd.tar.gz".'],
    [{ sha256: { amd64: 'ABC' } }, 'test.json: profiles["p"].artifacts[0].sha256.amd64: Expected 64 lowercase hex digits, got "ABC".'],
    [{ sha256: { riscv64: 'a'.repeat(64) } }, 'test.json: profiles["p"].artifacts[0].sha256 key: Expected one of amd64, arm64, got "riscv64".'],
    [{ type: 'zip' }, 'test.json: profiles["p"].artifacts[0].type: Expected one of tar.gz, raw, got "zip".'],
    [{ type: 'raw' }, 'test.json: profiles["p"].artifacts[0].executables[0].member: Expected no member for a raw artifact, got "etcd-v3.5.14-linux-{arch}/etcd".'],
    [{ executables: [{ name: 'etcd', member: '../etcd' }] }, 'test.json: profiles["p"].artifacts[0].executables[0].member: Expected a relative path inside the archive, got "../etcd".'],
    [{ executables: [] }, 'test.json: profiles["p"].artifacts[0].executables: Expected a non-empty array of executables, got an array.'],
    [{ checksum: { url: 'https://x.example/SUMS', algorithm: 'md5', format: 'sums' } }, 'test.json: profiles["p"].artifacts[0].checksum.algorithm: Expected one of sha256, sha512, got "md5".'],
    [{ version: 'latest' }, 'test.json: profiles["p"].artifacts[0].version: Expected a version like 3.5.14, got "latest".'],
    [{ optional: 'yes' }, 'test.json: profiles["p"].artifacts[0].optional: Expected true or false, got "yes".'],
  ])('rejects a bad artifact field with "Expected …, got …" (%j)', (artifact, message) => {
    expect(() => parseManifest(createManifest(artifact), 'test.json')).toThrow(message);
  });

  it('rejects a default profile that does not exist', () => {
    expect(() => parseManifest(createManifest({}, { defaultProfile: 'talk-1.36' }), 'test.json')).toThrow('test.json: defaultProfile: Expected one of the profiles (p), got "talk-1.36".');
  });

  it('rejects two executables with the same name in one profile', () => {
    const manifest = createManifest();
    const profile = manifest.profiles.p;
    profile.artifacts.push({ ...profile.artifacts[0]!, name: 'etcd-again' });

    expect(() => parseManifest(manifest, 'test.json')).toThrow('Expected unique names (bin/etcd appears twice), got "etcd-again".');
  });

  it('rejects an unknown manifest version', () => {
    expect(() => parseManifest({ ...createManifest(), version: 2 }, 'test.json')).toThrow('test.json: version: Expected 1, got number 2.');
  });
});
