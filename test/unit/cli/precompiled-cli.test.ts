// The cached bundle `serve` runs from: built once, reused while its sources are unchanged, rebuilt
// when one changes, paths next to the sources kept, and a clear reason when it cannot be made.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensurePrecompiledCli } from '../../../bin/precompiled-cli.js';

let root: string;
let entryPath: string;
let cacheDir: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'demystify-precompiled-'));
  mkdirSync(join(root, 'src'));
  entryPath = join(root, 'src', 'index.ts');
  cacheDir = join(root, 'cache');
  writeFileSync(entryPath, "export { greeting, sourceDir } from './greeting.ts';\nexport const lazy = () => import('./later.ts');\n");
  writeFileSync(join(root, 'src', 'greeting.ts'), "export const greeting: string = 'bonjour';\nexport const sourceDir = new URL('.', import.meta.url).href;\n");
  writeFileSync(join(root, 'src', 'later.ts'), "export const later: number = 42;\n");
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

async function load(): Promise<{ built: boolean; module: { greeting: string; sourceDir: string; lazy: () => Promise<{ later: number }> } }> {
  const result = await ensurePrecompiledCli({ entryPath, extraEntries: {}, cacheDir });
  if (result.entry === undefined) throw new Error(`not precompiled: ${result.reason}`);
  return { built: result.built, module: await import(pathToFileURL(result.entry).href) };
}

describe('ensurePrecompiledCli', () => {
  it('builds the bundle once, then reuses it; lazy imports and import.meta.url behave as in the sources', async () => {
    const first = await load();
    expect(first.built).toBe(true);
    expect(first.module.greeting).toBe('bonjour');
    expect(first.module.sourceDir).toBe(pathToFileURL(join(root, 'src')).href + '/');
    expect((await first.module.lazy()).later).toBe(42);

    const second = await ensurePrecompiledCli({ entryPath, extraEntries: {}, cacheDir });
    expect(second).toMatchObject({ built: false });
  });

  it('bundles extra entry points beside it, which know the bundle folder (Marp CLI imports the engines by path)', async () => {
    writeFileSync(join(root, 'src', 'engine.ts'), "declare const __DEMYSTIFY_BUNDLE_DIR__: string | undefined;\nexport const bundleDir = typeof __DEMYSTIFY_BUNDLE_DIR__ === 'string' ? __DEMYSTIFY_BUNDLE_DIR__ : 'sources';\nexport { greeting } from './greeting.ts';\n");
    const result = await ensurePrecompiledCli({ entryPath, extraEntries: { engine: join(root, 'src', 'engine.ts') }, cacheDir });
    if (result.entry === undefined) throw new Error(result.reason);
    const engine = (await import(pathToFileURL(join(dirname(result.entry), 'engine.js')).href)) as { bundleDir: string; greeting: string };
    expect(engine.bundleDir).toBe(dirname(result.entry));
    expect(engine.greeting).toBe('bonjour');
  });

  it('rebuilds when a source it was made from changes', async () => {
    await load();
    writeFileSync(join(root, 'src', 'greeting.ts'), "export const greeting: string = 'salut';\nexport const sourceDir = '';\n");
    // Same second, same size: the mtime alone must tell.
    utimesSync(join(root, 'src', 'greeting.ts'), new Date(), new Date(Date.now() + 2000));
    const again = await load();
    expect(again.built).toBe(true);
    expect(again.module.greeting).toBe('salut');
  });

  it('says why when the sources do not compile, and builds nothing', async () => {
    writeFileSync(join(root, 'src', 'greeting.ts'), 'export const greeting = ;\n');
    const result = await ensurePrecompiledCli({ entryPath, extraEntries: {}, cacheDir });
    expect(result.entry).toBeUndefined();
    expect(result).toMatchObject({ reason: expect.stringContaining('Build failed') });
  });

  it('says why when the cache folder cannot be made', async () => {
    writeFileSync(join(root, 'cache'), 'a file where the folder should be');
    const result = await ensurePrecompiledCli({ entryPath, extraEntries: {}, cacheDir: join(cacheDir, 'cli') });
    expect(result).toMatchObject({ entry: undefined, reason: expect.stringMatching(/ENOTDIR/) });
  });
});

describe('ensurePrecompiledCli with a damaged cache', () => {
  it('builds again when the current build folder is gone', async () => {
    const first = await ensurePrecompiledCli({ entryPath, extraEntries: {}, cacheDir });
    if (first.entry === undefined) throw new Error(first.reason);
    rmSync(join(first.entry, '..'), { recursive: true, force: true });
    const again = await load();
    expect(again.built).toBe(true);
    expect(again.module.greeting).toBe('bonjour');
  });
});
