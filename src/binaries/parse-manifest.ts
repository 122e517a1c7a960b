// Validates binaries/manifest.json at the edge: every problem says where, what was expected and what was found.
import { DemystifyError } from '../shared/index.ts';
import {
  ARCHES,
  ARCHIVE_TYPES,
  CHECKSUM_FORMATS,
  HASH_ALGORITHMS,
  INSTALL_DIRS,
  type Arch,
  type ArtifactSpec,
  type BinaryManifest,
  type ChecksumSpec,
  type ExecutableSpec,
  type ProfileSpec,
} from './binary-manifest.ts';

const NAME_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
const SHA256_PATTERN = /^[0-9a-f]{64}$/;

type Fields = Record<string, unknown>;

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'string' ? JSON.stringify(value) : `${typeof value} ${JSON.stringify(value)}`;
}

function fail(source: string, at: string, expected: string, value: unknown): never {
  throw new DemystifyError('BAD_INPUT', `${source}: ${at}: Expected ${expected}, got ${describe(value)}.`);
}

function expectObject(source: string, at: string, value: unknown): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(source, at, 'an object', value);
  return value as Fields;
}

function expectString(source: string, at: string, value: unknown, pattern?: RegExp, what = 'a non-empty string'): string {
  if (typeof value !== 'string' || value === '' || (pattern && !pattern.test(value))) fail(source, at, what, value);
  return value;
}

function expectBoolean(source: string, at: string, value: unknown): boolean {
  if (typeof value !== 'boolean') fail(source, at, 'true or false', value);
  return value;
}

function expectOneOf<T extends string>(source: string, at: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) fail(source, at, `one of ${allowed.join(', ')}`, value);
  return value as T;
}

function expectHttpsUrl(source: string, at: string, value: unknown): string {
  const url = expectString(source, at, value, /^https:\/\/[^/]+\/./, 'an https://<host>/<path> URL');
  if (!URL.canParse(url.replaceAll('{arch}', 'amd64'))) fail(source, at, 'a valid URL', value);
  return url;
}

function isSafeMember(member: string): boolean {
  return !member.startsWith('/') && !member.split('/').includes('..');
}

function parseChecksum(source: string, at: string, value: unknown): ChecksumSpec {
  const fields = expectObject(source, at, value);
  const checksum: ChecksumSpec = {
    url: expectHttpsUrl(source, `${at}.url`, fields['url']),
    algorithm: expectOneOf(source, `${at}.algorithm`, fields['algorithm'], HASH_ALGORITHMS),
    format: expectOneOf(source, `${at}.format`, fields['format'], CHECKSUM_FORMATS),
  };
  if (fields['name'] !== undefined) checksum.name = expectString(source, `${at}.name`, fields['name']);
  return checksum;
}

function parseExecutables(source: string, at: string, value: unknown, type: ArtifactSpec['type']): ExecutableSpec[] {
  if (!Array.isArray(value) || value.length === 0) fail(source, at, 'a non-empty array of executables', value);
  if (type === 'raw' && value.length !== 1) fail(source, at, 'exactly one executable for a raw artifact', value);
  return value.map((item, index) => {
    const fields = expectObject(source, `${at}[${index}]`, item);
    const name = expectString(source, `${at}[${index}].name`, fields['name'], NAME_PATTERN, 'a lowercase file name');
    if (type === 'raw') {
      if (fields['member'] !== undefined) fail(source, `${at}[${index}].member`, 'no member for a raw artifact', fields['member']);
      return { name };
    }
    const member = expectString(source, `${at}[${index}].member`, fields['member']);
    if (!isSafeMember(member)) fail(source, `${at}[${index}].member`, 'a relative path inside the archive', member);
    return { name, member };
  });
}

function parseSha256(source: string, at: string, value: unknown): Partial<Record<Arch, string>> {
  const fields = expectObject(source, at, value ?? {});
  const pinned: Partial<Record<Arch, string>> = {};
  for (const [arch, hash] of Object.entries(fields)) {
    const key = expectOneOf(source, `${at} key`, arch, ARCHES);
    pinned[key] = expectString(source, `${at}.${arch}`, hash, SHA256_PATTERN, '64 lowercase hex digits');
  }
  return pinned;
}

function parseArtifact(source: string, at: string, value: unknown): ArtifactSpec {
  const fields = expectObject(source, at, value);
  const type = expectOneOf(source, `${at}.type`, fields['type'], ARCHIVE_TYPES);
  return {
    name: expectString(source, `${at}.name`, fields['name'], NAME_PATTERN, 'a lowercase name'),
    component: expectString(source, `${at}.component`, fields['component']),
    version: expectString(source, `${at}.version`, fields['version'], /^\d+\.\d+\.\d+\S*$/, 'a version like 3.5.14'),
    type,
    installDir: expectOneOf(source, `${at}.installDir`, fields['installDir'], INSTALL_DIRS),
    optional: fields['optional'] === undefined ? false : expectBoolean(source, `${at}.optional`, fields['optional']),
    url: expectHttpsUrl(source, `${at}.url`, fields['url']),
    checksum: parseChecksum(source, `${at}.checksum`, fields['checksum']),
    sha256: parseSha256(source, `${at}.sha256`, fields['sha256']),
    executables: parseExecutables(source, `${at}.executables`, fields['executables'], type),
  };
}

function parseProfile(source: string, at: string, value: unknown): ProfileSpec {
  const fields = expectObject(source, at, value);
  const arches = fields['arches'];
  if (!Array.isArray(arches) || arches.length === 0) fail(source, `${at}.arches`, 'a non-empty array of architectures', arches);
  const artifacts = fields['artifacts'];
  if (!Array.isArray(artifacts) || artifacts.length === 0) fail(source, `${at}.artifacts`, 'a non-empty array', artifacts);
  const profile: ProfileSpec = {
    description: expectString(source, `${at}.description`, fields['description']),
    arches: arches.map((arch, index) => expectOneOf(source, `${at}.arches[${index}]`, arch, ARCHES)),
    artifacts: artifacts.map((artifact, index) => parseArtifact(source, `${at}.artifacts[${index}]`, artifact)),
  };
  const seen = new Set<string>();
  for (const [index, artifact] of profile.artifacts.entries()) {
    for (const name of [`artifact ${artifact.name}`, ...artifact.executables.map((e) => `${artifact.installDir}/${e.name}`)]) {
      if (seen.has(name)) fail(source, `${at}.artifacts[${index}]`, `unique names (${name} appears twice)`, artifact.name);
      seen.add(name);
    }
  }
  return profile;
}

/** Validates a parsed manifest.json; `source` names the file in error messages. */
export function parseManifest(value: unknown, source = 'binaries/manifest.json'): BinaryManifest {
  const fields = expectObject(source, '(root)', value);
  if (fields['version'] !== 1) fail(source, 'version', '1', fields['version']);
  const profilesValue = expectObject(source, 'profiles', fields['profiles']);
  const profiles: Record<string, ProfileSpec> = {};
  for (const [name, profile] of Object.entries(profilesValue)) {
    expectString(source, `profiles key`, name, NAME_PATTERN, 'a lowercase profile name');
    profiles[name] = parseProfile(source, `profiles["${name}"]`, profile);
  }
  const defaultProfile = expectString(source, 'defaultProfile', fields['defaultProfile']);
  if (!(defaultProfile in profiles)) fail(source, 'defaultProfile', `one of the profiles (${Object.keys(profiles).join(', ')})`, defaultProfile);
  return { version: 1, defaultProfile, profiles };
}
