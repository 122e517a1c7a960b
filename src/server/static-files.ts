// The built deck, read from disk on each request (a rebuild shows on reload). No path escapes the
// folder: `..`, encoded dots, NUL and symlinks pointing outside are refused.
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import { sendText } from './security-headers.ts';

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.cast': 'application/x-asciicast',
};

export type StaticPathResult = { ok: true; relative: string } | { ok: false; status: 400 | 404 };

/** Turns a URL path into a safe path relative to the served folder. */
export function normalizeStaticPath(pathname: string): StaticPathResult {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 400 };
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return { ok: false, status: 400 };
  if (segments.length === 0) return { ok: true, relative: 'index.html' };
  return { ok: true, relative: segments.join('/') };
}

/** The deck page gets a mark so its client knows an orchestrator serves it (a static copy has none). */
export function markDeckPage(html: string, mode: string): string {
  return html.replace(/<head>/i, `<head><meta name="demystify-server" content="${mode === 'replay' ? 'replay' : 'live'}">`);
}

export async function serveStaticFile(response: ServerResponse, root: string, pathname: string, method: string, mode = 'live'): Promise<void> {
  const result = normalizeStaticPath(pathname);
  if (!result.ok) {
    sendText(response, result.status, result.status === 400 ? 'Bad request path.' : 'Not found.');
    return;
  }
  let file: string;
  try {
    const realRoot = await realpath(root);
    file = await realpath(join(realRoot, result.relative));
    if (file !== realRoot && !file.startsWith(realRoot + sep)) throw new Error('outside');
    if (!(await stat(file)).isFile()) throw new Error('not a file');
  } catch {
    sendText(response, 404, 'Not found.');
    return;
  }
  if (extname(file).toLowerCase() === '.html') {
    const html = markDeckPage(await readFile(file, 'utf8'), mode);
    response.writeHead(200, { 'Content-Type': CONTENT_TYPES['.html'], 'Content-Length': Buffer.byteLength(html), 'Cache-Control': 'no-cache' });
    response.end(method === 'HEAD' ? undefined : html);
    return;
  }
  const size = (await stat(file)).size;
  response.writeHead(200, {
    'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': size,
    'Cache-Control': 'no-cache',
  });
  if (method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file).on('error', () => response.destroy()).pipe(response);
}
