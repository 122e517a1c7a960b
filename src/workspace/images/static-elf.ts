// A stand-in image carries one binary and no libraries, so that binary must be statically
// linked (no PT_INTERP program header) and built for the image's architecture.
import type { NodeArch } from '../node/node-facts.ts';

export type ElfInfo = { isStatic: boolean; arch: NodeArch | 'other' };

const PT_INTERP = 3;
const MACHINES: Record<number, NodeArch> = { 0x3e: 'amd64', 0xb7: 'arm64' };

/** undefined when the bytes are not a little-endian ELF executable. */
export function parseElfInfo(bytes: Uint8Array): ElfInfo | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 64 || buffer.readUInt32BE(0) !== 0x7f454c46 || buffer[5] !== 1) return undefined;
  const is64 = buffer[4] === 2;
  const phoff = is64 ? Number(buffer.readBigUInt64LE(0x20)) : buffer.readUInt32LE(0x1c);
  const phentsize = buffer.readUInt16LE(is64 ? 0x36 : 0x2a);
  const phnum = buffer.readUInt16LE(is64 ? 0x38 : 0x2c);
  let isStatic = true;
  for (let index = 0; index < phnum; index += 1) {
    const offset = phoff + index * phentsize;
    if (offset + 4 > buffer.length) return undefined;
    if (buffer.readUInt32LE(offset) === PT_INTERP) isStatic = false;
  }
  return { isStatic, arch: MACHINES[buffer.readUInt16LE(0x12)] ?? 'other' };
}
