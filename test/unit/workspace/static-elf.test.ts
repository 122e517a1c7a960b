import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseElfInfo, validateBusybox } from '../../../src/workspace/index.ts';

const hostArch = process.arch === 'arm64' ? 'arm64' : 'amd64';

/** The smallest 64-bit little-endian ELF header with no program headers: a "static" binary. */
function createStaticElf(machine: number): Buffer {
  const header = Buffer.alloc(64);
  header.writeUInt32BE(0x7f454c46, 0);
  header[4] = 2;
  header[5] = 1;
  header.writeUInt16LE(machine, 0x12);
  header.writeBigUInt64LE(64n, 0x20);
  header.writeUInt16LE(56, 0x36);
  return header;
}

describe('parseElfInfo', () => {
  it('sees that the node binary itself is dynamically linked for this machine', async () => {
    expect(parseElfInfo(await readFile(process.execPath))).toEqual({ isStatic: false, arch: hostArch });
  });

  it('sees a binary without an interpreter as static and reads its machine', () => {
    expect(parseElfInfo(createStaticElf(0xb7))).toEqual({ isStatic: true, arch: 'arm64' });
    expect(parseElfInfo(createStaticElf(0x3e))).toEqual({ isStatic: true, arch: 'amd64' });
  });

  it('returns nothing for a file that is not an ELF executable', () => {
    expect(parseElfInfo(Buffer.from('#!/bin/sh\necho hello\n'.padEnd(80)))).toBeUndefined();
  });
});

describe('validateBusybox', () => {
  it('refuses a dynamically linked busybox, naming the package that provides a static one', async () => {
    const node = await readFile(process.execPath);
    expect(() => validateBusybox(node, hostArch, '/bin/busybox')).toThrow(/got a dynamically linked one.*apt-get install busybox-static/);
  });

  it('refuses a static binary built for the other architecture', () => {
    expect(() => validateBusybox(createStaticElf(0xb7), 'amd64', '/bin/busybox')).toThrow('Expected /bin/busybox built for amd64, got arm64.');
  });

  it('accepts a static binary for the image architecture', () => {
    expect(() => validateBusybox(createStaticElf(0x3e), 'amd64', '/bin/busybox')).not.toThrow();
  });
});
