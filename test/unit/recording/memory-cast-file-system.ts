// An in-memory CastFileSystem for unit tests: files are byte arrays, and a test can make
// writes fail (ENOSPC after N bytes) or wait (a slow disk) through `beforeWrite`.

import type { CastFileHandle, CastFileSystem } from '../../../src/recording/index.ts';

export interface MemoryCastFileSystem extends CastFileSystem {
  files: Map<string, Buffer>;
  readText(path: string): string | undefined;
  /** Runs before each write; may throw, or return how many bytes this write may take. */
  beforeWrite?: (path: string, position: number, length: number) => Promise<number | void> | number | void;
}

export function createMemoryCastFileSystem(initial: Record<string, string> = {}): MemoryCastFileSystem {
  const files = new Map(Object.entries(initial).map(([path, text]) => [path, Buffer.from(text)]));
  const system: MemoryCastFileSystem = {
    files,
    readText: (path) => files.get(path)?.toString('utf8'),
    async createFile(path) {
      if (files.has(path)) throw Object.assign(new Error(`EEXIST: ${path}`), { code: 'EEXIST' });
      files.set(path, Buffer.alloc(0));
      let open = true;
      const handle: CastFileHandle = {
        async write(data, position) {
          if (!open) throw new Error('closed');
          const allowed = (await system.beforeWrite?.(path, position, data.length)) ?? data.length;
          const count = Math.min(allowed, data.length);
          const current = files.get(path) ?? Buffer.alloc(0);
          const next = Buffer.alloc(Math.max(current.length, position + count));
          current.copy(next);
          Buffer.from(data.subarray(0, count)).copy(next, position);
          files.set(path, next);
          return count;
        },
        async sync() {},
        async truncate(length) {
          files.set(path, (files.get(path) ?? Buffer.alloc(0)).subarray(0, length));
        },
        async close() {
          open = false;
        },
      };
      return handle;
    },
    async rename(from, to) {
      const data = files.get(from);
      if (!data) throw Object.assign(new Error(`ENOENT: ${from}`), { code: 'ENOENT' });
      files.set(to, data);
      files.delete(from);
    },
    async remove(path) {
      files.delete(path);
    },
    async makeDirectory() {},
    async listDirectory(dir) {
      return [...files.keys()].filter((path) => path.startsWith(`${dir}/`)).map((path) => path.slice(dir.length + 1));
    },
    async syncDirectory() {},
  };
  return system;
}

export function createEnospcError(): Error {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
}
