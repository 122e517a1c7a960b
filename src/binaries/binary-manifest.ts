// The pinned binaries manifest (binaries/manifest.json): stack profiles as data. A URL, checksum
// URL or member path may hold `{arch}`, expanded per architecture (amd64, arm64) like kube-stack.md's ARCH.

export const ARCHES = ['amd64', 'arm64'] as const;
export type Arch = (typeof ARCHES)[number];

export const ARCHIVE_TYPES = ['tar.gz', 'raw'] as const;
/** `tar.gz`: extract the listed members; `raw`: the download is the executable itself. */
export type ArchiveType = (typeof ARCHIVE_TYPES)[number];

export const INSTALL_DIRS = ['bin', 'cni'] as const;
/** `bin` → <cache>/…/bin and <workspace>/bin; `cni` → <cache>/…/cni and <workspace>/cni/bin. */
export type InstallDir = (typeof INSTALL_DIRS)[number];

export const HASH_ALGORITHMS = ['sha256', 'sha512'] as const;
export type HashAlgorithm = (typeof HASH_ALGORITHMS)[number];

export const CHECKSUM_FORMATS = ['hash', 'sums'] as const;
/** `hash`: the file holds one hash; `sums`: `<hash>  <name>` lines (SHA256SUMS, goreleaser, .sha256sum). */
export type ChecksumFormat = (typeof CHECKSUM_FORMATS)[number];

export interface ChecksumSpec {
  url: string;
  algorithm: HashAlgorithm;
  format: ChecksumFormat;
  /** The name to look up in a `sums` file; default: the artifact URL's last path segment. */
  name?: string;
}

export interface ExecutableSpec {
  name: string;
  /** Path inside the archive (tar.gz only). */
  member?: string;
}

export interface ArtifactSpec {
  name: string;
  component: string;
  version: string;
  type: ArchiveType;
  installDir: InstallDir;
  /** An online-only option of the talk (cilium-cli): missing is a warning, not a blocker. */
  optional: boolean;
  url: string;
  checksum: ChecksumSpec;
  sha256: Partial<Record<Arch, string>>;
  executables: ExecutableSpec[];
}

export interface ProfileSpec {
  description: string;
  arches: Arch[];
  artifacts: ArtifactSpec[];
}

export interface BinaryManifest {
  version: 1;
  defaultProfile: string;
  profiles: Record<string, ProfileSpec>;
}

/** One artifact for one architecture, placeholders expanded. */
export interface ArtifactForArch extends Pick<ArtifactSpec, 'name' | 'component' | 'version' | 'type' | 'installDir' | 'optional'> {
  arch: Arch;
  url: string;
  fileName: string;
  checksum: Required<ChecksumSpec>;
  pinnedSha256?: string;
  executables: Required<ExecutableSpec>[];
}

export function expandArch(template: string, arch: Arch): string {
  return template.replaceAll('{arch}', arch);
}

export function createArtifactForArch(artifact: ArtifactSpec, arch: Arch): ArtifactForArch {
  const url = expandArch(artifact.url, arch);
  const fileName = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  const pinnedSha256 = artifact.sha256[arch];
  return {
    name: artifact.name,
    component: artifact.component,
    version: artifact.version,
    type: artifact.type,
    installDir: artifact.installDir,
    optional: artifact.optional,
    arch,
    url,
    fileName,
    checksum: {
      url: expandArch(artifact.checksum.url, arch),
      algorithm: artifact.checksum.algorithm,
      format: artifact.checksum.format,
      name: expandArch(artifact.checksum.name ?? fileName, arch),
    },
    ...(pinnedSha256 === undefined ? {} : { pinnedSha256 }),
    executables: artifact.executables.map((executable) => ({
      name: executable.name,
      member: expandArch(executable.member ?? fileName, arch),
    })),
  };
}
