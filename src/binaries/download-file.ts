// Downloads over http(s) (following redirects, with a limit) or reads file:// URLs, hashing on the fly.
// Errors name the URL; the caller adds the fix, since only it knows about the mirror.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { DemystifyError } from '../shared/index.ts';
import type { HashAlgorithm } from './binary-manifest.ts';

export const MAX_REDIRECTS = 5;
export const IDLE_TIMEOUT_MS = 30_000;
export const MAX_TEXT_BYTES = 1024 * 1024;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const USER_AGENT = 'demystify-fetch';

export interface DownloadProgress {
  receivedBytes: number;
  totalBytes?: number;
}

export interface DownloadResult {
  bytes: number;
  digests: Record<HashAlgorithm, string>;
}

export interface OpenOptions {
  maxRedirects?: number;
  idleTimeoutMs?: number;
  signal?: AbortSignal | undefined;
}

interface OpenedUrl {
  body: Readable;
  totalBytes?: number;
}

function failDownload(url: string, reason: string, cause?: unknown): DemystifyError {
  return new DemystifyError('DOWNLOAD_FAILED', `Download of ${url} failed: ${reason}.`, { cause });
}

function requestOnce(url: URL, idleTimeoutMs: number, signal: AbortSignal | undefined): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const get = url.protocol === 'https:' ? httpsGet : httpGet;
    const request = get(url, { headers: { 'user-agent': USER_AGENT, accept: '*/*' }, ...(signal ? { signal } : {}) }, resolve);
    request.setTimeout(idleTimeoutMs, () => request.destroy(new Error(`no data received for ${idleTimeoutMs / 1000} s`)));
    request.on('error', reject);
  });
}

async function openHttp(url: string, maxRedirects: number, idleTimeoutMs: number, signal: AbortSignal | undefined): Promise<OpenedUrl> {
  let current = new URL(url);
  for (let redirects = 0; ; redirects += 1) {
    let response: IncomingMessage;
    try {
      response = await requestOnce(current, idleTimeoutMs, signal);
    } catch (error) {
      if (signal?.aborted) throw failDownload(url, 'cancelled', error);
      throw failDownload(url, `${(error as Error).message}${current.href === url ? '' : ` (at ${current.href})`}`, error);
    }
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (REDIRECT_STATUSES.has(status) && location) {
      response.resume();
      const next = new URL(location, current);
      if (redirects >= maxRedirects) throw failDownload(url, `more than ${maxRedirects} redirects (the last one to ${next.href})`);
      if (next.protocol !== 'http:' && next.protocol !== 'https:') throw failDownload(url, `a redirect to ${next.href}, expected http(s)`);
      current = next;
      continue;
    }
    if (status !== 200) {
      response.resume();
      throw failDownload(url, `HTTP ${status} ${response.statusMessage ?? ''}`.trim() + (current.href === url ? '' : ` from ${current.href}`));
    }
    const length = Number(response.headers['content-length']);
    return { body: response, ...(Number.isFinite(length) && length >= 0 ? { totalBytes: length } : {}) };
  }
}

async function openFile(url: string): Promise<OpenedUrl> {
  const path = fileURLToPath(url);
  try {
    const { size } = await stat(path);
    return { body: createReadStream(path), totalBytes: size };
  } catch (error) {
    throw failDownload(url, `cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, error);
  }
}

export function openUrl(url: string, { maxRedirects = MAX_REDIRECTS, idleTimeoutMs = IDLE_TIMEOUT_MS, signal }: OpenOptions = {}): Promise<OpenedUrl> {
  if (signal?.aborted) return Promise.reject(failDownload(url, 'cancelled'));
  if (url.startsWith('file:')) return openFile(url);
  if (url.startsWith('http:') || url.startsWith('https:')) return openHttp(url, maxRedirects, idleTimeoutMs, signal);
  return Promise.reject(failDownload(url, 'unsupported URL scheme, expected https://, http:// or file://'));
}

function isWriteError(error: unknown): boolean {
  const { code, syscall } = error as NodeJS.ErrnoException;
  return syscall === 'open' || syscall === 'write' || code === 'ENOSPC' || code === 'EACCES' || code === 'EEXIST';
}

/** Streams `url` into `destination` (created, never overwritten), computing sha256 and sha512. */
export async function downloadFile(options: OpenOptions & { url: string; destination: string; onProgress?: (progress: DownloadProgress) => void }): Promise<DownloadResult> {
  const { url, destination, onProgress } = options;
  const { body, totalBytes } = await openUrl(url, options);
  const hashes = { sha256: createHash('sha256'), sha512: createHash('sha512') };
  let receivedBytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      receivedBytes += chunk.length;
      hashes.sha256.update(chunk);
      hashes.sha512.update(chunk);
      onProgress?.({ receivedBytes, ...(totalBytes === undefined ? {} : { totalBytes }) });
      callback(null, chunk);
    },
  });
  onProgress?.({ receivedBytes, ...(totalBytes === undefined ? {} : { totalBytes }) });
  const of = totalBytes === undefined ? '' : ` of ${totalBytes}`;
  try {
    await pipeline(body, meter, createWriteStream(destination, { flags: 'wx', mode: 0o600 }), ...(options.signal ? [{ signal: options.signal }] : []));
  } catch (error) {
    if (options.signal?.aborted) throw failDownload(url, `cancelled after ${receivedBytes}${of} bytes`, error);
    if (isWriteError(error)) throw failDownload(url, `cannot write ${destination} (${(error as Error).message})`, error);
    throw failDownload(url, `the download was interrupted after ${receivedBytes}${of} bytes (${(error as Error).message})`, error);
  }
  if (totalBytes !== undefined && receivedBytes !== totalBytes) {
    throw failDownload(url, `the download was interrupted after ${receivedBytes}${of} bytes (connection closed early)`);
  }
  return { bytes: receivedBytes, digests: { sha256: hashes.sha256.digest('hex'), sha512: hashes.sha512.digest('hex') } };
}

/** A small text file (a checksum file), read whole. */
export async function fetchText(url: string, options: OpenOptions = {}): Promise<string> {
  const { body } = await openUrl(url, options);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_TEXT_BYTES) {
        body.destroy();
        throw failDownload(url, `more than ${MAX_TEXT_BYTES} bytes, expected a small checksum file`);
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof DemystifyError) throw error;
    throw failDownload(url, `the download was interrupted (${(error as Error).message})`, error);
  }
  return Buffer.concat(chunks).toString('utf8');
}
