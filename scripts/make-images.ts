// Draws every image the deck refers to into slides/binaries/ (diagrams, YAML views from
// demos/*.yaml, logos, placeholders). Run: npm run make-images  (or with --check: exit 1
// when a committed image is out of date, without writing anything).

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createImageCatalog, writeImageFiles } from '../src/deck/images/index.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = join(ROOT, 'slides', 'binaries');
const DEMOS_DIR = join(ROOT, 'demos');

function main(args: string[]): number {
  const dryRun = args.includes('--check');
  const entries = createImageCatalog({ readManifest: (file) => readFileSync(join(DEMOS_DIR, file), 'utf8') });
  const reports = writeImageFiles({ entries, outDir: OUT_DIR, dryRun });
  for (const { file, status } of reports) {
    if (status === 'kept') console.log(`kept       ${file} (replaced by the speaker: no placeholder marker)`);
    else if (status === 'written') console.log(`${dryRun ? 'stale    ' : 'written  '}  ${file}`);
  }
  const changed = reports.filter((report) => report.status === 'written').length;
  console.log(`${reports.length} images in slides/binaries/: ${changed} ${dryRun ? 'out of date' : 'written'}.`);
  if (dryRun && changed > 0) {
    console.error('Expected every image to be up to date, got stale files. Run: npm run make-images');
    return 1;
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
