// DEMYSTIFY_MIRROR=<base> turns every upstream https://<host>/<path> into <base>/<host>/<path>.
import { DemystifyError } from '../shared/index.ts';

export const MIRROR_ENV = 'DEMYSTIFY_MIRROR';

export function validateMirrorBase(base: string): string {
  if (!/^(https?|file):\/\/./.test(base) || !URL.canParse(base)) {
    throw new DemystifyError('BAD_INPUT', `Expected ${MIRROR_ENV} to be an http://, https:// or file:// base URL, got "${base}".`);
  }
  return base.replace(/\/+$/, '');
}

/** The URL to download: the upstream one, or its mirrored twin when a mirror base is set. */
export function applyMirror(upstreamUrl: string, mirrorBase: string | undefined): string {
  if (mirrorBase === undefined || mirrorBase === '') return upstreamUrl;
  const base = validateMirrorBase(mirrorBase);
  const url = new URL(upstreamUrl);
  if (url.protocol !== 'https:') {
    throw new DemystifyError('BAD_INPUT', `Expected an upstream https:// URL to mirror, got ${upstreamUrl}.`);
  }
  return `${base}/${url.host}${url.pathname}${url.search}`;
}
