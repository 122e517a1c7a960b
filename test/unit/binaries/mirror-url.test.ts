import { describe, expect, it } from 'vitest';
import { applyMirror } from '../../../src/binaries/index.ts';

const UPSTREAM = 'https://dl.k8s.io/v1.31.0-alpha.0/kubernetes-server-linux-amd64.tar.gz';

describe('applyMirror (DEMYSTIFY_MIRROR)', () => {
  it('keeps the upstream URL without a mirror', () => {
    expect(applyMirror(UPSTREAM, undefined)).toBe(UPSTREAM);
    expect(applyMirror(UPSTREAM, '')).toBe(UPSTREAM);
  });

  it('maps https://<host>/<path> to <base>/<host>/<path> for http and file bases, with or without a trailing slash', () => {
    expect(applyMirror(UPSTREAM, 'http://127.0.0.1:8080/mirror/')).toBe('http://127.0.0.1:8080/mirror/dl.k8s.io/v1.31.0-alpha.0/kubernetes-server-linux-amd64.tar.gz');
    expect(applyMirror(UPSTREAM, 'file:///srv/mirror')).toBe('file:///srv/mirror/dl.k8s.io/v1.31.0-alpha.0/kubernetes-server-linux-amd64.tar.gz');
  });

  it('refuses a base that is not http(s) or file', () => {
    expect(() => applyMirror(UPSTREAM, '/srv/mirror')).toThrow('Expected DEMYSTIFY_MIRROR to be an http://, https:// or file:// base URL, got "/srv/mirror".');
  });
});
