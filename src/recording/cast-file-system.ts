// The few file operations the recorder needs, injectable so tests can make a write fail
// (ENOSPC, EIO) or stall (slow disk) without touching the real disk.

import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';

export interface CastFileHandle {
  /** Writes at `position`; may write fewer bytes than asked (the caller loops). */
  write(data: Uint8Array, position: number): Promise<number>;
  sync(): Promise<void>;
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
}

export interface CastFileSystem {
  /** Creates a new file, failing if it exists. */
  createFile(path: string): Promise<CastFileHandle>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  makeDirectory(path: string): Promise<void>;
  listDirectory(path: string): Promise<string[]>;
  /** Makes a rename durable; best effort. */
  syncDirectory(path: string): Promise<void>;
}

export const nodeCastFileSystem: CastFileSystem = {
  async createFile(path) {
    const handle = await open(path, 'wx', 0o644);
    return {
      write: async (data, position) => (await handle.write(data, 0, data.length, position)).bytesWritten,
      sync: () => handle.sync(),
      truncate: (length) => handle.truncate(length),
      close: () => handle.close(),
    };
  },
  rename: (from, to) => rename(from, to),
  remove: (path) => rm(path, { force: true }),
  makeDirectory: async (path) => {
    await mkdir(path, { recursive: true });
  },
  listDirectory: (path) => readdir(path),
  async syncDirectory(path) {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};
