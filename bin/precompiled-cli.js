// The CLI compiled ahead of time into a cached bundle. Run from the sources, Node 20 needs tsx's
// loader, whose hooks live in a thread of their own for as long as the process (measured: serve
// 107 → 68 MiB idle), and whose start and transforms slow every command (a deck build's process
// 1.6× → 1.2× plain marp). esbuild compiles src/cli/index.ts, the Marp engines and what they import
// (packages stay in node_modules) in ~0.1 s; the bundle is reused while no source it was made from
// changed (size and mtime of each), and remade otherwise. Each build goes to a folder of its own and
// a pointer file names the current one, so two starts never see half a build.
// Every `import.meta.url` is replaced by the URL of the source file it was written in: paths next to
// the sources (the binaries manifest, the client entry) resolve as they do when run through tsx.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Bump when the build options below change: older bundles are then rebuilt. */
const BUNDLE_FORMAT = 2;
/** Older build folders are removed after this long (a running serve may still load chunks from its own). */
const STALE_BUILD_MS = 24 * 60 * 60 * 1000;

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI_ENTRY = join(PROJECT_ROOT, 'src', 'cli', 'index.ts');
/** Marp CLI imports these by path (`--engine`): entry points of their own (src/deck/engine-paths.ts). */
export const ENGINE_ENTRIES = {
  'build-engine': join(PROJECT_ROOT, 'src', 'deck', 'build-engine.ts'),
  'export-engine': join(PROJECT_ROOT, 'src', 'deck', 'export-engine.ts'),
};
export const CLI_CACHE_DIR = join(PROJECT_ROOT, 'node_modules', '.cache', 'demystify', 'cli');

/**
 * @typedef {{ dir: string, key: string, inputs: Record<string, [number, number]> }} BuildPointer
 * @typedef {{ entry: string, built: boolean } | { entry: undefined, reason: string }} PrecompiledCli
 */

/**
 * The path of the bundle's entry for `entryPath` (built now if missing or stale), or why there is none.
 * `extraEntries` are bundled beside it as `<name>.js`; the bundle sees its folder as __DEMYSTIFY_BUNDLE_DIR__.
 * @param {{ entryPath?: string, extraEntries?: Record<string, string>, cacheDir?: string }} [options]
 * @returns {Promise<PrecompiledCli>}
 */
export async function ensurePrecompiledCli({ entryPath = CLI_ENTRY, extraEntries = ENGINE_ENTRIES, cacheDir = CLI_CACHE_DIR } = {}) {
  try {
    const key = `${BUNDLE_FORMAT} ${[entryPath, ...Object.values(extraEntries)].join(' ')} node${process.versions.node.split('.')[0]}`;
    const current = readPointer(cacheDir);
    const entry = current && join(cacheDir, current.dir, 'index.js');
    if (current && entry && current.key === key && existsSync(entry) && isFresh(current.inputs)) return { entry, built: false };
    const pointer = await build({ index: entryPath, ...extraEntries }, cacheDir, key);
    removeStaleBuilds(cacheDir, pointer.dir);
    return { entry: join(cacheDir, pointer.dir, 'index.js'), built: true };
  } catch (error) {
    return { entry: undefined, reason: error instanceof Error ? error.message.split('\n')[0] ?? String(error) : String(error) };
  }
}

/**
 * @param {string} cacheDir
 * @returns {BuildPointer | undefined}
 */
function readPointer(cacheDir) {
  try {
    return /** @type {BuildPointer} */ (JSON.parse(readFileSync(join(cacheDir, 'current.json'), 'utf8')));
  } catch {
    return undefined;
  }
}

/** @param {Record<string, [number, number]>} inputs */
function isFresh(inputs) {
  for (const [path, [mtimeMs, size]] of Object.entries(inputs)) {
    try {
      const stats = statSync(path);
      if (stats.mtimeMs !== mtimeMs || stats.size !== size) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * @param {Record<string, string>} entryPoints
 * @param {string} cacheDir
 * @param {string} key
 * @returns {Promise<BuildPointer>}
 */
async function build(entryPoints, cacheDir, key) {
  const esbuild = await import('esbuild');
  const dir = `build-${Date.now().toString(36)}-${process.pid}`;
  const workingDir = process.cwd();
  mkdirSync(join(cacheDir, dir), { recursive: true });
  try {
    const result = await esbuild.build({
      absWorkingDir: workingDir,
      entryPoints,
      define: { __DEMYSTIFY_BUNDLE_DIR__: JSON.stringify(join(cacheDir, dir)) },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: `node${process.versions.node.split('.')[0]}`,
      packages: 'external',
      outdir: join(cacheDir, dir),
      metafile: true,
      logLevel: 'silent',
      plugins: [sourceFileUrls],
    });
    /** @type {Record<string, [number, number]>} */
    const inputs = {};
    for (const input of Object.keys(result.metafile.inputs)) {
      const path = resolve(workingDir, input);
      const stats = statSync(path);
      inputs[path] = [stats.mtimeMs, stats.size];
    }
    /** @type {BuildPointer} */
    const pointer = { dir, key, inputs };
    const temp = join(cacheDir, `current.json.${process.pid}.tmp`);
    writeFileSync(temp, JSON.stringify(pointer));
    renameSync(temp, join(cacheDir, 'current.json'));
    return pointer;
  } catch (error) {
    rmSync(join(cacheDir, dir), { recursive: true, force: true });
    throw error;
  } finally {
    // esbuild's service process would otherwise live as long as the server.
    await esbuild.stop();
  }
}

/** @type {import('esbuild').Plugin} */
const sourceFileUrls = {
  name: 'source-file-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      const text = await readFile(path, 'utf8');
      return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href)), loader: 'ts' };
    });
  },
};

/**
 * @param {string} cacheDir
 * @param {string} keep
 */
function removeStaleBuilds(cacheDir, keep) {
  for (const name of readdirSync(cacheDir)) {
    if (!name.startsWith('build-') || name === keep) continue;
    const path = join(cacheDir, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > STALE_BUILD_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Another start removed it.
    }
  }
}
