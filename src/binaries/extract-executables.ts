// Takes the executables out of a verified download: only the listed members of a tar.gz, or the raw
// file itself. Uses node-tar (pure JS, streaming, portable to macOS' bsdtar-only systems, refuses
// absolute and `..` paths) rather than shelling out to GNU tar.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, lstat, mkdir, rename } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { x as extractTar } from 'tar';
import { DemystifyError } from '../shared/index.ts';
import type { ArtifactForArch } from './binary-manifest.ts';

export const EXECUTABLE_MODE = 0o755;

export interface ExtractedExecutable {
  name: string;
  /** Staged file, ready to be renamed into the cache. */
  path: string;
  sha256: string;
  size: number;
}

export function normalizeMember(member: string): string {
  return posix.normalize(member).replace(/^(\.\/)+/, '');
}

export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function stageExecutable(name: string, path: string, describe: string): Promise<ExtractedExecutable> {
  const stats = await lstat(path).catch(() => undefined);
  if (!stats?.isFile()) {
    throw new DemystifyError('BINARY_MISSING', `Expected ${describe} to hold a regular file for ${name}, got ${stats ? 'something else (a link or a folder)' : 'nothing'}: the manifest's member path may be wrong.`);
  }
  await chmod(path, EXECUTABLE_MODE);
  return { name, path, sha256: await hashFile(path), size: stats.size };
}

/** Extracts into `stagingDir` (which the caller removes) and returns each executable's staged file. */
export async function extractExecutables(artifact: ArtifactForArch, archivePath: string, stagingDir: string): Promise<ExtractedExecutable[]> {
  await mkdir(stagingDir, { recursive: true });
  if (artifact.type === 'raw') {
    const [executable] = artifact.executables;
    if (!executable) throw new DemystifyError('INTERNAL', `Artifact ${artifact.name} lists no executable.`);
    const path = join(stagingDir, executable.name);
    await rename(archivePath, path);
    return [await stageExecutable(executable.name, path, artifact.url)];
  }
  const wanted = new Map(artifact.executables.map((executable) => [normalizeMember(executable.member), executable.name]));
  const outDir = join(stagingDir, 'archive');
  await mkdir(outDir);
  try {
    await extractTar({ file: archivePath, cwd: outDir, strict: true, filter: (path) => wanted.has(normalizeMember(path)) });
  } catch (error) {
    throw new DemystifyError('DOWNLOAD_FAILED', `Cannot extract ${artifact.url}: ${(error as Error).message}. Expected a tar.gz archive.`, { cause: error });
  }
  const staged: ExtractedExecutable[] = [];
  for (const [member, name] of wanted) {
    staged.push(await stageExecutable(name, join(outDir, member), `member ${member} of ${artifact.url}`));
  }
  return staged;
}
