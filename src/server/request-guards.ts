// Checks run on every request before routing (security.md): Host against DNS rebinding, Origin and
// Sec-Fetch-Site against cross-site requests, the secret from the session cookie.
import type { IncomingMessage } from 'node:http';
import { isSecretValid } from './secret.ts';

export function createAllowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

export function isAllowedHost(request: IncomingMessage, allowedHosts: Set<string>): boolean {
  const host = request.headers.host;
  return typeof host === 'string' && allowedHosts.has(host.toLowerCase());
}

/** Same origin only: an absent Origin is allowed (same-origin GETs omit it); `null`, IPs or other hosts are not. */
export function isAllowedOrigin(request: IncomingMessage, allowedHosts: Set<string>): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (!origin.startsWith('http://')) return false;
  return allowedHosts.has(origin.slice('http://'.length).toLowerCase());
}

/** Browsers say where a request comes from; anything but our own origin (or the user typing the URL) is refused. */
export function isAllowedFetchSite(request: IncomingMessage): boolean {
  const site = request.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

export function cookieName(port: number): string {
  return `demystify_${port}`;
}

export function readCookie(request: IncomingMessage, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function isAuthenticated(request: IncomingMessage, secret: string, port: number): boolean {
  const header = request.headers['x-demystify-token'];
  const offered = typeof header === 'string' ? header : readCookie(request, cookieName(port));
  return isSecretValid(secret, offered);
}
