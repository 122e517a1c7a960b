import { describe, expect, it } from 'vitest';
import { readElfArch, renderArch } from '../../../../src/orchestrator/processes/index.ts';

function elfHeader(machine: number, littleEndian = true): Uint8Array {
  const header = Buffer.alloc(64);
  header.set([0x7f, 0x45, 0x4c, 0x46, 2, littleEndian ? 1 : 2, 1], 0);
  if (littleEndian) header.writeUInt16LE(machine, 18);
  else header.writeUInt16BE(machine, 18);
  return header;
}

describe('readElfArch', () => {
  it('reads the machine of an ELF header in both byte orders', () => {
    expect(readElfArch(elfHeader(62))).toBe('x64');
    expect(readElfArch(elfHeader(183))).toBe('arm64');
    expect(readElfArch(elfHeader(22, false))).toBe('s390x');
  });

  it('says nothing about a script or a short file', () => {
    expect(readElfArch(Buffer.from('#!/bin/sh\necho hi\n'))).toBeUndefined();
    expect(readElfArch(Buffer.from([0x7f, 0x45]))).toBeUndefined();
  });

  it('names architectures as release pages do', () => {
    expect(renderArch('x64')).toBe('amd64');
    expect(renderArch('arm64')).toBe('arm64');
  });
});
