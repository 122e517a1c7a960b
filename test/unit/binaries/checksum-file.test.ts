import { describe, expect, it } from 'vitest';
import { parseChecksumFile } from '../../../src/binaries/index.ts';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const spec = { url: 'https://example.test/SHA256SUMS', algorithm: 'sha256' as const, format: 'sums' as const, name: 'etcd-v3.5.14-linux-amd64.tar.gz' };

describe('parseChecksumFile', () => {
  it("reads a bare hash file (Kubernetes' <file>.sha256)", () => {
    expect(parseChecksumFile(`${A}\n`, { ...spec, format: 'hash' })).toBe(A);
  });

  it('picks the line of the artifact in a SHA256SUMS file', () => {
    const text = `${B}  etcd-v3.5.14-linux-arm64.tar.gz\n${A}  etcd-v3.5.14-linux-amd64.tar.gz\n`;
    expect(parseChecksumFile(text, spec)).toBe(A);
  });

  it('accepts binary-mode (*name) and ./name lines, and upper-case hex', () => {
    expect(parseChecksumFile(`${A.toUpperCase()} *etcd-v3.5.14-linux-amd64.tar.gz`, spec)).toBe(A);
    expect(parseChecksumFile(`${A}  ./etcd-v3.5.14-linux-amd64.tar.gz`, spec)).toBe(A);
  });

  it('accepts a lone bare hash where sum lines were expected', () => {
    expect(parseChecksumFile(A, spec)).toBe(A);
  });

  it('refuses a sums file without the artifact, quoting what it found', () => {
    expect(() => parseChecksumFile(`${B}  other.tar.gz\n`, spec)).toThrow(`Checksum file https://example.test/SHA256SUMS: Expected a line "<sha256>  etcd-v3.5.14-linux-amd64.tar.gz", got "${B}  other.tar.gz\\n".`);
  });

  it('refuses a hash of the wrong length for the algorithm', () => {
    expect(() => parseChecksumFile(A, { ...spec, algorithm: 'sha512', format: 'hash' })).toThrow('Expected 128 hex digits (sha512)');
  });

  it('reads sha512 files', () => {
    const sha512 = 'c'.repeat(128);
    expect(parseChecksumFile(`${sha512}  etcd-v3.5.14-linux-amd64.tar.gz`, { ...spec, algorithm: 'sha512' })).toBe(sha512);
  });
});
