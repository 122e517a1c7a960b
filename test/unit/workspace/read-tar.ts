// Reads ustar archives back, independently of the writer under test.
export type TarHeader = { name: string; mode: number; uid: number; gid: number; size: number; mtime: number; type: string; link: string; checksumOk: boolean; content: Buffer };

export function readTar(archive: Buffer): TarHeader[] {
  const headers: TarHeader[] = [];
  let offset = 0;
  const text = (start: number, length: number) => archive.subarray(offset + start, offset + start + length).toString('utf8').replace(/\0.*$/s, '');
  const octal = (start: number, length: number) => parseInt(text(start, length).trim() || '0', 8);
  while (offset + 512 <= archive.length && archive[offset] !== 0) {
    const block = Buffer.from(archive.subarray(offset, offset + 512));
    block.fill(0x20, 148, 156);
    const size = octal(124, 12);
    const prefix = text(345, 155);
    headers.push({
      name: prefix === '' ? text(0, 100) : `${prefix}/${text(0, 100)}`,
      mode: octal(100, 8),
      uid: octal(108, 8),
      gid: octal(116, 8),
      size,
      mtime: octal(136, 12),
      type: text(156, 1),
      link: text(157, 100),
      checksumOk: block.reduce((sum, byte) => sum + byte, 0) === octal(148, 8),
      content: Buffer.from(archive.subarray(offset + 512, offset + 512 + size)),
    });
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return headers;
}
