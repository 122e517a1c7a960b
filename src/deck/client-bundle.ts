// The browser runtime: src/client/index.ts → one minified IIFE (esbuild). A process keeps the last
// bundle and reuses it while none of its own input files changed (size and mtime; packages under
// node_modules are taken as fixed for the life of the process), so rebuilding the deck (serve's
// rebuild on save, the bench) does not re-bundle an unchanged client.
import { statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { DemystifyError } from '../shared/index.ts';

export const CLIENT_ENTRY = fileURLToPath(new URL('../client/index.ts', import.meta.url));
export const CLIENT_TARGET = 'chrome120';

interface BundleMemo {
  entry: string;
  /** Absolute input path → `size:mtimeMs` when bundled. */
  inputs: Map<string, string>;
  code: string;
}

let memo: BundleMemo | undefined;

/** Synchronous on purpose: a handful of stats, far cheaper than their promise versions. */
function readSignature(path: string): string {
  const info = statSync(path, { throwIfNoEntry: false });
  return info ? `${info.size}:${info.mtimeMs}` : 'missing';
}

/** The remembered bundle of `entry` if none of its inputs changed since. */
function readMemo(entry: string): string | undefined {
  const current = memo;
  if (current === undefined || current.entry !== entry) return undefined;
  return [...current.inputs].every(([path, signature]) => readSignature(path) === signature) ? current.code : undefined;
}

export async function createClientBundle(entry: string = CLIENT_ENTRY): Promise<string> {
  const remembered = readMemo(entry);
  if (remembered !== undefined) return remembered;
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'iife',
    target: CLIENT_TARGET,
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
    legalComments: 'none',
    absWorkingDir: process.cwd(),
  }).catch((error: unknown) => {
    throw new DemystifyError('INTERNAL', `Expected the client ${entry} to bundle, got: ${(error as Error).message}`, { cause: error });
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new DemystifyError('INTERNAL', `Expected esbuild to produce the client bundle of ${entry}, got nothing`);
  const paths = Object.keys(result.metafile.inputs)
    .map((input) => resolve(process.cwd(), input))
    .filter((path) => !path.split(sep).includes('node_modules'));
  memo = { entry, inputs: new Map(paths.map((path) => [path, readSignature(path)])), code: output.text };
  return output.text;
}
