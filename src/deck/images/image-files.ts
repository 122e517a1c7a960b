// Writes the catalog to slides/binaries/ and tells which committed files differ from what
// the generators draw now. Placeholders the speaker replaced (no marker) are left alone.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImageEntry } from './image-catalog.ts';
import { PLACEHOLDER_MARKER } from './placeholder.ts';

export type ImageFileStatus = 'written' | 'unchanged' | 'kept';

export interface ImageFileReport {
  file: string;
  status: ImageFileStatus;
}

export interface WriteImageFilesOptions {
  entries: readonly ImageEntry[];
  outDir: string;
  /** Only compare, write nothing (`make-images --check`). */
  dryRun?: boolean;
}

function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** A placeholder file that no longer carries the marker is the speaker's own picture. */
function isReplacedPlaceholder(entry: ImageEntry, current: string | undefined): boolean {
  return entry.kind === 'placeholder' && current !== undefined && !current.includes(PLACEHOLDER_MARKER);
}

export function writeImageFiles(options: WriteImageFilesOptions): ImageFileReport[] {
  const { entries, outDir, dryRun = false } = options;
  return entries.map((entry) => {
    const path = join(outDir, entry.file);
    const current = readIfExists(path);
    if (isReplacedPlaceholder(entry, current)) return { file: entry.file, status: 'kept' };
    const next = entry.render();
    if (current === next) return { file: entry.file, status: 'unchanged' };
    if (!dryRun) writeFileSync(path, next, 'utf8');
    return { file: entry.file, status: 'written' };
  });
}

/** Files whose committed content differs from what the generators draw now. */
export function findStaleImageFiles(entries: readonly ImageEntry[], outDir: string): string[] {
  return writeImageFiles({ entries, outDir, dryRun: true })
    .filter((report) => report.status === 'written')
    .map((report) => report.file);
}
