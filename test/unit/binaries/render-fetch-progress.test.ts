import { describe, expect, it } from 'vitest';
import { createArtifactForArch, createFetchReporter, renderProgressBar, type ArtifactSpec } from '../../../src/binaries/index.ts';

const SPEC: ArtifactSpec = {
  name: 'etcd',
  component: 'etcd',
  version: '3.5.14',
  type: 'tar.gz',
  installDir: 'bin',
  optional: false,
  url: 'https://github.com/etcd-io/etcd/releases/download/v3.5.14/etcd-v3.5.14-linux-{arch}.tar.gz',
  checksum: { url: 'https://github.com/etcd-io/etcd/releases/download/v3.5.14/SHA256SUMS', algorithm: 'sha256', format: 'sums' },
  sha256: {},
  executables: [{ name: 'etcd', member: 'etcd-v3.5.14-linux-{arch}/etcd' }],
};
const artifact = createArtifactForArch(SPEC, 'amd64');
const url = 'http://127.0.0.1:1/x.tar.gz';

function createStream() {
  const chunks: string[] = [];
  return { write: (text: string) => chunks.push(text), chunks };
}

describe('fetch progress', () => {
  it('renders a bar with percentage and sizes', () => {
    expect(renderProgressBar({ receivedBytes: 5_000_000, totalBytes: 20_000_000 }, 8)).toBe('[##......]  25% 5.0 MB / 20.0 MB');
    expect(renderProgressBar({ receivedBytes: 1_500_000 })).toBe('1.5 MB');
  });

  it('redraws the bar on a terminal at most every 100 ms, and always at 100%', () => {
    const stream = createStream();
    let now = 0;
    const report = createFetchReporter({ stream, isTTY: true, now: () => now });
    report({ kind: 'download-start', artifact, url });
    for (const received of [0, 10, 20, 30]) {
      now += 40;
      report({ kind: 'download-progress', artifact, url, progress: { receivedBytes: received, totalBytes: 40 } });
    }
    report({ kind: 'download-progress', artifact, url, progress: { receivedBytes: 40, totalBytes: 40 } });

    const bars = stream.chunks.filter((chunk) => chunk.startsWith('\r'));
    expect(bars).toHaveLength(3);
    expect(bars.at(-1)).toContain('100%');
  });

  it('prints plain lines without a terminal, and no bar', () => {
    const stream = createStream();
    const report = createFetchReporter({ stream, isTTY: false });
    report({ kind: 'download-start', artifact, url });
    report({ kind: 'download-progress', artifact, url, progress: { receivedBytes: 1, totalBytes: 2 } });
    report({ kind: 'verified', artifact, expected: { algorithm: 'sha256', hash: 'f'.repeat(64), source: 'pinned', origin: 'pinned in binaries/manifest.json' } });
    report({ kind: 'installed', artifact, executables: ['etcd', 'etcdctl'] });

    expect(stream.chunks.join('')).toBe(
      [
        `↓ etcd 3.5.14 (linux/amd64): downloading ${url}`,
        `✔ etcd 3.5.14 (linux/amd64): sha256 ffffffffffffffff… verified (pinned in binaries/manifest.json)`,
        '✔ etcd 3.5.14 (linux/amd64): installed etcd, etcdctl',
        '',
      ].join('\n'),
    );
  });
});
