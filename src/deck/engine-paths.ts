// The Marp engines, by path: Marp CLI imports them itself (`--engine <path>`). Run from the
// TypeScript sources (tsx), they are the .ts files beside this one; run precompiled
// (bin/precompiled-cli.js defines __DEMYSTIFY_BUNDLE_DIR__ in the bundle), they are the bundle's
// own entry points, so no TypeScript loader is needed.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

declare const __DEMYSTIFY_BUNDLE_DIR__: string | undefined;

const BUNDLE_DIR = typeof __DEMYSTIFY_BUNDLE_DIR__ === 'string' ? __DEMYSTIFY_BUNDLE_DIR__ : undefined;

export type EngineName = 'build-engine' | 'export-engine';
export const ENGINE_NAMES: readonly EngineName[] = ['build-engine', 'export-engine'];

export function resolveEnginePath(name: EngineName): string {
  return BUNDLE_DIR === undefined ? fileURLToPath(new URL(`./${name}.ts`, import.meta.url)) : join(BUNDLE_DIR, `${name}.js`);
}
