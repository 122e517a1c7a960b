import { describe, expect, it } from 'vitest';
import { resolveCacheDir } from '../../../src/binaries/index.ts';

describe('resolveCacheDir', () => {
  it('prefers DEMYSTIFY_CACHE_DIR, then $XDG_CACHE_HOME/demystify, then ~/.cache/demystify', () => {
    expect(resolveCacheDir({ DEMYSTIFY_CACHE_DIR: '/srv/cache', XDG_CACHE_HOME: '/xdg' }, '/home/u')).toBe('/srv/cache');
    expect(resolveCacheDir({ XDG_CACHE_HOME: '/xdg' }, '/home/u')).toBe('/xdg/demystify');
    expect(resolveCacheDir({}, '/home/u')).toBe('/home/u/.cache/demystify');
  });

  it('ignores a relative XDG_CACHE_HOME, as the XDG spec says', () => {
    expect(resolveCacheDir({ XDG_CACHE_HOME: 'relative' }, '/home/u')).toBe('/home/u/.cache/demystify');
  });
});
