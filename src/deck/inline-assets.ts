// Makes a deck page self-contained: every local file it refers to (an <img src>, Marp's background
// images in style attributes, url(…) in styles) becomes a data: URI. Remote URLs and links are left
// alone; a reference to a missing local file fails loudly (a broken image is a bug).
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { DemystifyError } from '../shared/index.ts';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
};

/** `src="…"` of img/source/video, and `url(…)` with ", ' or &quot; quotes (Marp escapes them in attributes). */
const SRC_ATTRIBUTE = /(<(?:img|source|video)\b[^>]*?\ssrc=")([^"]+)(")/gi;
const CSS_URL = /(url\(\s*(?:&quot;|"|')?)([^"'()&]+?)((?:&quot;|"|')?\s*\))/gi;

function isLocalReference(reference: string): boolean {
  return !/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(reference);
}

export async function inlineLocalAssets(html: string, baseDir: string): Promise<string> {
  const base = resolve(baseDir);
  const references = new Set<string>();
  for (const pattern of [SRC_ATTRIBUTE, CSS_URL]) {
    for (const match of html.matchAll(pattern)) if (isLocalReference(match[2] as string)) references.add(match[2] as string);
  }
  const dataUris = new Map<string, string>();
  await Promise.all([...references].map(async (reference) => dataUris.set(reference, await readDataUri(reference, base))));
  const replace = (whole: string, before: string, reference: string, after: string): string => {
    const uri = dataUris.get(reference);
    return uri === undefined ? whole : `${before}${uri}${after}`;
  };
  return html.replace(SRC_ATTRIBUTE, replace).replace(CSS_URL, replace);
}

async function readDataUri(reference: string, base: string): Promise<string> {
  const path = resolve(base, decodeURIComponent(reference.split(/[?#]/)[0] as string));
  if (!path.startsWith(base + sep)) throw new DemystifyError('DECK_INVALID', `Expected images inside ${base}, got a reference to ${reference}`);
  if (!existsSync(path)) throw new DemystifyError('DECK_INVALID', `Expected the image ${reference} at ${path}, got no such file. Add it to the deck's binaries/ folder.`);
  const type = MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
  return `data:${type};base64,${(await readFile(path)).toString('base64')}`;
}
