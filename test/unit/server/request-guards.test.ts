import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createAllowedHosts, isAllowedFetchSite, isAllowedHost, isAllowedOrigin, isAuthenticated } from '../../../src/server/request-guards.ts';
import { isSecretValid } from '../../../src/server/secret.ts';
import { normalizeStaticPath } from '../../../src/server/static-files.ts';
import { validateDemoActionRequest } from '../../../src/server/json-body.ts';

const request = (headers: Record<string, string>): IncomingMessage => ({ headers }) as unknown as IncomingMessage;
const hosts = createAllowedHosts(4321);

describe('request guards', () => {
  it('accepts only loopback names with our port as Host', () => {
    for (const host of ['127.0.0.1:4321', 'localhost:4321', '[::1]:4321', 'LOCALHOST:4321']) expect(isAllowedHost(request({ host }), hosts)).toBe(true);
    for (const host of ['evil.example', 'localhost.evil.com:4321', '127.0.0.1.nip.io:4321', '127.0.0.1:4322', '127.0.0.1']) {
      expect(isAllowedHost(request({ host }), hosts)).toBe(false);
    }
    expect(isAllowedHost(request({}), hosts)).toBe(false);
  });

  it('refuses foreign, null and IP origins but allows our own or none', () => {
    expect(isAllowedOrigin(request({}), hosts)).toBe(true);
    expect(isAllowedOrigin(request({ origin: 'http://127.0.0.1:4321' }), hosts)).toBe(true);
    for (const origin of ['http://evil.example', 'null', 'http://192.168.1.5:4321', 'http://localhost.evil.com', 'https://127.0.0.1:4321', 'http://127.0.0.1:9999']) {
      expect(isAllowedOrigin(request({ origin }), hosts)).toBe(false);
    }
  });

  it('refuses cross-site and same-site fetches on the API', () => {
    expect(isAllowedFetchSite(request({ 'sec-fetch-site': 'same-origin' }))).toBe(true);
    expect(isAllowedFetchSite(request({}))).toBe(true);
    expect(isAllowedFetchSite(request({ 'sec-fetch-site': 'cross-site' }))).toBe(false);
    expect(isAllowedFetchSite(request({ 'sec-fetch-site': 'same-site' }))).toBe(false);
  });

  it('compares secrets of any length without accepting a wrong one', () => {
    expect(isSecretValid('s3cret-value', 's3cret-value')).toBe(true);
    expect(isSecretValid('s3cret-value', 's3cret-valuf')).toBe(false);
    expect(isSecretValid('s3cret-value', 's3')).toBe(false);
    expect(isSecretValid('s3cret-value', undefined)).toBe(false);
    expect(isAuthenticated(request({ cookie: 'a=b; demystify_4321=tok' }), 'tok', 4321)).toBe(true);
    expect(isAuthenticated(request({ cookie: 'demystify_4322=tok' }), 'tok', 4321)).toBe(false);
  });
});

describe('static paths', () => {
  it('maps the root to index.html and refuses traversal, encoded dots and NUL', () => {
    expect(normalizeStaticPath('/')).toEqual({ ok: true, relative: 'index.html' });
    expect(normalizeStaticPath('/binaries/etcd.svg')).toEqual({ ok: true, relative: 'binaries/etcd.svg' });
    for (const path of ['/../etc/passwd', '/%2e%2e/etc/passwd', '/a/%2E%2E/%2e%2e/x', '/x%00.html', '/%zz', '/a\\..\\b']) {
      expect(normalizeStaticPath(path).ok).toBe(false);
    }
  });
});

describe('demo action bodies', () => {
  it('accept exactly one valid id and say what was wrong otherwise', () => {
    expect(validateDemoActionRequest({ id: 'etcd' })).toEqual({ ok: true, value: { id: 'etcd' } });
    const cases: [unknown, RegExp][] = [
      [['etcd'], /got an array/],
      [{ id: ['etcd'] }, /"id" to be a demo id.*got an array/],
      [{ id: { a: 1 } }, /got object/],
      [{ id: '../etc' }, /got "\.\.\/etc"/],
      [{ id: 'etcd', command: 'rm -rf /' }, /only the field "id".*"command"/],
      [null, /got null/],
    ];
    for (const [body, message] of cases) {
      const result = validateDemoActionRequest(body);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(message);
    }
  });
});
