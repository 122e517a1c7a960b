import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findLockEntry, readLock, recordLockEntry } from '../../../src/binaries/index.ts';

let dir: string;
let lockPath: string;
const URL_A = 'https://dl.k8s.io/v1.31.0-alpha.0/kubernetes-server-linux-amd64.tar.gz';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'demystify-lock-'));
  lockPath = join(dir, 'lock.json');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('binaries/lock.json', () => {
  it('reads a missing lock as empty', async () => {
    expect(await readLock(lockPath)).toEqual({ version: 1, profiles: {} });
  });

  it('records seen hashes per profile, artifact and arch, with sorted keys and no temp file left', async () => {
    await recordLockEntry(lockPath, 'talk-1.31', 'kubernetes-server', 'arm64', { url: URL_A.replace('amd64', 'arm64'), sha256: 'b'.repeat(64), verifiedBy: 'checksum-file' });
    await recordLockEntry(lockPath, 'talk-1.31', 'etcd', 'amd64', { url: 'https://e/etcd', sha256: 'e'.repeat(64), verifiedBy: 'pinned' });
    await recordLockEntry(lockPath, 'talk-1.31', 'kubernetes-server', 'amd64', { url: URL_A, sha256: 'a'.repeat(64), verifiedBy: 'checksum-file' });

    const text = await readFile(lockPath, 'utf8');
    expect(Object.keys(JSON.parse(text).profiles['talk-1.31'])).toEqual(['etcd', 'kubernetes-server']);
    expect(Object.keys(JSON.parse(text).profiles['talk-1.31']['kubernetes-server'])).toEqual(['amd64', 'arm64']);
    expect(text.endsWith('}\n')).toBe(true);
    expect(await readdir(dir)).toEqual(['lock.json']);
  });

  it('finds an entry only for the same URL (a new version is not pinned by the old hash)', async () => {
    await recordLockEntry(lockPath, 'talk-1.31', 'kubernetes-server', 'amd64', { url: URL_A, sha256: 'a'.repeat(64), verifiedBy: 'checksum-file' });
    const lock = await readLock(lockPath);

    expect(findLockEntry(lock, 'talk-1.31', 'kubernetes-server', 'amd64', URL_A)?.sha256).toBe('a'.repeat(64));
    expect(findLockEntry(lock, 'talk-1.31', 'kubernetes-server', 'amd64', URL_A.replace('alpha.0', 'alpha.1'))).toBeUndefined();
  });

  it('says how to recover from a broken lock file', async () => {
    await writeFile(lockPath, '{ broken');
    await expect(readLock(lockPath)).rejects.toThrow(`${lockPath}: Expected JSON, got a parse error`);
  });
});
