// Which hash must a download have? The manifest's pinned sha256, else the lock's, else the official
// checksum file published beside the artifact. A mismatch names both hashes and the URL.
import { DemystifyError } from '../shared/index.ts';
import type { ArtifactForArch, HashAlgorithm } from './binary-manifest.ts';
import { parseChecksumFile } from './checksum-file.ts';
import type { LockEntry, VerifiedBy } from './lock-file.ts';
import { applyMirror } from './mirror-url.ts';

export interface ExpectedHash {
  algorithm: HashAlgorithm;
  hash: string;
  source: VerifiedBy;
  /** Where the expectation comes from, for messages: "pinned in binaries/manifest.json". */
  origin: string;
}

export interface ResolveExpectedHashOptions {
  artifact: ArtifactForArch;
  lockEntry: LockEntry | undefined;
  mirror?: string | undefined;
  manifestPath: string;
  lockPath: string;
  fetchText: (url: string) => Promise<string>;
}

export async function resolveExpectedHash(options: ResolveExpectedHashOptions): Promise<ExpectedHash> {
  const { artifact, lockEntry, mirror, manifestPath, lockPath, fetchText } = options;
  if (artifact.pinnedSha256 !== undefined) {
    return { algorithm: 'sha256', hash: artifact.pinnedSha256, source: 'pinned', origin: `pinned in ${manifestPath}` };
  }
  if (lockEntry !== undefined) {
    return { algorithm: 'sha256', hash: lockEntry.sha256, source: 'lock', origin: `recorded in ${lockPath} on first download` };
  }
  const checksumUrl = applyMirror(artifact.checksum.url, mirror);
  const text = await fetchText(checksumUrl);
  const hash = parseChecksumFile(text, { ...artifact.checksum, url: checksumUrl });
  return { algorithm: artifact.checksum.algorithm, hash, source: 'checksum-file', origin: `from the checksum file ${checksumUrl}` };
}

export function describeArtifact(artifact: ArtifactForArch): string {
  return `${artifact.name} ${artifact.version} (linux/${artifact.arch})`;
}

/** Throws CHECKSUM_MISMATCH naming the expected hash, the actual one and the URL. */
export function verifyDigest(expected: ExpectedHash, digests: Record<HashAlgorithm, string>, artifact: ArtifactForArch, url: string): void {
  const actual = digests[expected.algorithm];
  if (actual === expected.hash) return;
  const fix =
    expected.source === 'checksum-file'
      ? 'Check the mirror or the network and run `npx demystify fetch` again.'
      : `If the upstream file legitimately changed, update the hash (${expected.origin}); otherwise check the mirror or the network and run \`npx demystify fetch\` again.`;
  throw new DemystifyError(
    'CHECKSUM_MISMATCH',
    `Checksum mismatch for ${describeArtifact(artifact)} downloaded from ${url}: expected ${expected.algorithm} ${expected.hash} (${expected.origin}), got ${expected.algorithm} ${actual}. The download was deleted and nothing was installed. ${fix}`,
  );
}
