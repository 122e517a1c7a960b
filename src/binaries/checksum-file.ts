// Official checksum files: a bare hash (Kubernetes' <file>.sha256) or `<hash>  <name>` lines
// (etcd's SHA256SUMS, goreleaser's checksums.txt, containerd/runc/cilium's .sha256sum).
import { DemystifyError } from '../shared/index.ts';
import type { ChecksumFormat, HashAlgorithm } from './binary-manifest.ts';

export const HASH_HEX_LENGTH: Record<HashAlgorithm, number> = { sha256: 64, sha512: 128 };

interface ChecksumLine {
  hash: string;
  name?: string;
}

function parseLines(text: string): ChecksumLine[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [hash = '', ...rest] = line.split(/\s+/);
      // sha256sum marks binary mode with `*`; some files list `./name`.
      const name = rest.join(' ').replace(/^\*/, '').replace(/^\.\//, '');
      return name === '' ? { hash: hash.toLowerCase() } : { hash: hash.toLowerCase(), name };
    });
}

export interface ChecksumFileSpec {
  url: string;
  format: ChecksumFormat;
  algorithm: HashAlgorithm;
  /** The file name whose line to pick in a `sums` file. */
  name: string;
}

/** The expected hash of `name`, lowercase hex, or a BAD_INPUT error that quotes the file. */
export function parseChecksumFile(text: string, { url, format, algorithm, name }: ChecksumFileSpec): string {
  const lines = parseLines(text);
  const pattern = new RegExp(`^[0-9a-f]{${HASH_HEX_LENGTH[algorithm]}}$`);
  const basename = (value: string) => value.split('/').pop() ?? value;
  let line: ChecksumLine | undefined;
  if (format === 'hash') {
    line = lines[0];
  } else {
    line = lines.find((candidate) => candidate.name !== undefined && basename(candidate.name) === name);
    // A `sums` file holding one bare hash (some projects publish `sha256sum` output, some only the hash).
    if (line === undefined && lines.length === 1 && lines[0]?.name === undefined) line = lines[0];
  }
  if (line === undefined) {
    const expected = format === 'hash' ? `a ${algorithm} hash` : `a line "<${algorithm}>  ${name}"`;
    throw new DemystifyError('BAD_INPUT', `Checksum file ${url}: Expected ${expected}, got ${JSON.stringify(text.slice(0, 200))}.`);
  }
  if (!pattern.test(line.hash)) {
    throw new DemystifyError('BAD_INPUT', `Checksum file ${url}: Expected ${HASH_HEX_LENGTH[algorithm]} hex digits (${algorithm}) for ${name}, got ${JSON.stringify(line.hash.slice(0, 140))}.`);
  }
  return line.hash;
}
