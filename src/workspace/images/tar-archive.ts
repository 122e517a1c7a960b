// A small ustar writer, in memory. Why our own rather than the `tar` package or GNU tar: image
// layers must be byte-for-byte reproducible (sorted entries, uid/gid 0, mtime 0, no user names),
// built from a list of entries rather than from a directory on disk, with no host metadata
// leaking in. That is ~80 lines of POSIX ustar; node-tar reads the filesystem and needs options
// to strip what it adds, and GNU tar needs a staging tree plus flags that differ across tars.
import { DemystifyError } from '../../shared/index.ts';

export type TarEntry =
  | { type: 'file'; path: string; mode?: number; content: Uint8Array | string }
  | { type: 'directory'; path: string; mode?: number }
  | { type: 'symlink'; path: string; target: string };

const BLOCK_BYTES = 512;

function writeField(header: Buffer, offset: number, length: number, value: string): void {
  const bytes = Buffer.from(value, 'utf8');
  if (bytes.length > length) throw new DemystifyError('BAD_INPUT', `Expected a tar header field of at most ${length} bytes, got "${value}".`);
  bytes.copy(header, offset);
}

function writeOctal(header: Buffer, offset: number, length: number, value: number): void {
  writeField(header, offset, length, `${value.toString(8).padStart(length - 1, '0')}\0`);
}

/** ustar keeps 100 bytes of name and 155 of prefix, split at a `/`. */
function splitPath(path: string): { name: string; prefix: string } {
  if (Buffer.byteLength(path) <= 100) return { name: path, prefix: '' };
  for (let cut = path.indexOf('/'); cut !== -1; cut = path.indexOf('/', cut + 1)) {
    const prefix = path.slice(0, cut);
    const name = path.slice(cut + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return { name, prefix };
  }
  throw new DemystifyError('BAD_INPUT', `Expected a tar path that fits ustar (100 + 155 bytes), got "${path}".`);
}

function createHeader(entry: TarEntry, size: number): Buffer {
  const header = Buffer.alloc(BLOCK_BYTES);
  const path = entry.type === 'directory' ? `${entry.path}/` : entry.path;
  const { name, prefix } = splitPath(path);
  const mode = entry.type === 'symlink' ? 0o777 : (entry.mode ?? (entry.type === 'directory' ? 0o755 : 0o644));
  writeField(header, 0, 100, name);
  writeOctal(header, 100, 8, mode);
  writeOctal(header, 108, 8, 0); // uid
  writeOctal(header, 116, 8, 0); // gid
  writeOctal(header, 124, 12, size);
  writeOctal(header, 136, 12, 0); // mtime: the epoch, for reproducible layers
  header.fill(0x20, 148, 156); // checksum is computed with its own field as spaces
  writeField(header, 156, 1, entry.type === 'file' ? '0' : entry.type === 'directory' ? '5' : '2');
  if (entry.type === 'symlink') writeField(header, 157, 100, entry.target);
  writeField(header, 257, 6, 'ustar\0');
  writeField(header, 263, 2, '00');
  writeField(header, 345, 155, prefix);
  const checksum = header.reduce((sum, byte) => sum + byte, 0);
  writeField(header, 148, 8, `${checksum.toString(8).padStart(6, '0')}\0 `);
  return header;
}

function validatePath(path: string): void {
  if (path === '' || path.startsWith('/') || path.endsWith('/') || path.split('/').some((part) => part === '..' || part === '.' || part === '')) {
    throw new DemystifyError('BAD_INPUT', `Expected a relative tar path without "." or ".." parts, got "${path}".`);
  }
}

/** A ustar archive of the entries, sorted by path so the same entries always give the same bytes. */
export function createTarArchive(entries: readonly TarEntry[]): Buffer {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const chunks: Buffer[] = [];
  let previous: string | undefined;
  for (const entry of sorted) {
    validatePath(entry.path);
    if (entry.path === previous) throw new DemystifyError('BAD_INPUT', `Expected each tar path once, got "${entry.path}" twice.`);
    previous = entry.path;
    const content = entry.type === 'file' ? Buffer.from(entry.content) : Buffer.alloc(0);
    chunks.push(createHeader(entry, content.length), content);
    const padding = (BLOCK_BYTES - (content.length % BLOCK_BYTES)) % BLOCK_BYTES;
    if (padding > 0) chunks.push(Buffer.alloc(padding));
  }
  chunks.push(Buffer.alloc(BLOCK_BYTES * 2));
  return Buffer.concat(chunks);
}
