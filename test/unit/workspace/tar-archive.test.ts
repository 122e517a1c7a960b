import { describe, expect, it } from 'vitest';
import { createTarArchive } from '../../../src/workspace/index.ts';
import { readTar as readHeaders } from './read-tar.ts';

describe('createTarArchive', () => {
  const archive = createTarArchive([
    { type: 'symlink', path: 'bin/sh', target: 'busybox' },
    { type: 'file', path: 'bin/busybox', mode: 0o755, content: Buffer.alloc(700, 1) },
    { type: 'directory', path: 'tmp', mode: 0o1777 },
    { type: 'directory', path: 'bin' },
    { type: 'file', path: `${'d'.repeat(80)}/${'f'.repeat(60)}`, content: 'long' },
  ]);

  it('writes entries sorted by path, owned by 0:0 at the epoch, with valid checksums', () => {
    const headers = readHeaders(archive);
    expect(headers.map((header) => header.name)).toEqual(['bin/', 'bin/busybox', 'bin/sh', `${'d'.repeat(80)}/${'f'.repeat(60)}`, 'tmp/']);
    expect(headers.every((header) => header.uid === 0 && header.gid === 0 && header.mtime === 0 && header.checksumOk)).toBe(true);
  });

  it('keeps types, modes, sizes and link targets', () => {
    const byName = Object.fromEntries(readHeaders(archive).map((header) => [header.name, header]));
    expect(byName['bin/busybox']).toMatchObject({ type: '0', mode: 0o755, size: 700 });
    expect(byName['bin/sh']).toMatchObject({ type: '2', link: 'busybox', size: 0 });
    expect(byName['tmp/']).toMatchObject({ type: '5', mode: 0o1777 });
  });

  it('pads to 512-byte blocks and ends with two zero blocks', () => {
    expect(archive.length % 512).toBe(0);
    expect(archive.subarray(-1024).every((byte) => byte === 0)).toBe(true);
  });

  it('gives the same bytes for the same entries in any order', () => {
    const entries = [
      { type: 'file' as const, path: 'a', content: 'x' },
      { type: 'file' as const, path: 'b', content: 'y' },
    ];
    expect(createTarArchive(entries).equals(createTarArchive([...entries].reverse()))).toBe(true);
  });

  it('rejects absolute paths, ".." and duplicates', () => {
    expect(() => createTarArchive([{ type: 'file', path: '/etc/passwd', content: '' }])).toThrow(/Expected a relative tar path/);
    expect(() => createTarArchive([{ type: 'file', path: 'a/../b', content: '' }])).toThrow(/Expected a relative tar path/);
    expect(() => createTarArchive([{ type: 'directory', path: 'a' }, { type: 'directory', path: 'a' }])).toThrow(/"a" twice/);
  });
});
