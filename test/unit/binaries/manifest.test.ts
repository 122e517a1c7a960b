// The committed binaries/manifest.json against the facts of kube-stack.md (copied here as the
// expectation: URLs, checksum files and known sha256 values; nothing invented).
import { describe, expect, it } from 'vitest';
import { ARCHES, createArtifactForArch, loadManifest, selectArtifacts, selectProfile, type Arch } from '../../../src/binaries/index.ts';

const GH = 'https://github.com';
const KUBE_STACK: Record<string, { version: string; url: (arch: Arch) => string; checksum: (arch: Arch) => string; sha256?: Record<Arch, string>; executables: string[] }> = {
  'kubernetes-server': {
    version: '1.31.0-alpha.0',
    url: (arch) => `https://dl.k8s.io/v1.31.0-alpha.0/kubernetes-server-linux-${arch}.tar.gz`,
    checksum: (arch) => `https://dl.k8s.io/v1.31.0-alpha.0/kubernetes-server-linux-${arch}.tar.gz.sha256`,
    executables: ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubelet', 'kube-proxy', 'kubectl'],
  },
  etcd: {
    version: '3.5.14',
    url: (arch) => `${GH}/etcd-io/etcd/releases/download/v3.5.14/etcd-v3.5.14-linux-${arch}.tar.gz`,
    checksum: () => `${GH}/etcd-io/etcd/releases/download/v3.5.14/SHA256SUMS`,
    sha256: { amd64: 'b0b34298f53f6830f08e7ddc57fc74dc45563216a66e94d9e6b0b9e0b0281b34', arm64: '90510c79c4aae3c3313691f5770fc53b3ac883338fc0254bf8d22460acd3c19d' },
    executables: ['etcd', 'etcdctl'],
  },
  containerd: {
    version: '1.7.18',
    url: (arch) => `${GH}/containerd/containerd/releases/download/v1.7.18/containerd-1.7.18-linux-${arch}.tar.gz`,
    checksum: (arch) => `${GH}/containerd/containerd/releases/download/v1.7.18/containerd-1.7.18-linux-${arch}.tar.gz.sha256sum`,
    sha256: { amd64: 'a24b05b341c155a0ec367d3d0fd1d437c09a0261dffdecc0e44e9abbf2d02aca', arm64: 'e80ce87b469af03b3bdcf68b95f0f4a303787ae247581bcd42f04acf1ad4c24d' },
    executables: ['containerd', 'containerd-shim-runc-v2', 'ctr'],
  },
  runc: {
    version: '1.2.0-rc.1',
    url: (arch) => `${GH}/opencontainers/runc/releases/download/v1.2.0-rc.1/runc.${arch}`,
    checksum: () => `${GH}/opencontainers/runc/releases/download/v1.2.0-rc.1/runc.sha256sum`,
    executables: ['runc'],
  },
  'cni-plugins': {
    version: '1.5.0',
    url: (arch) => `${GH}/containernetworking/plugins/releases/download/v1.5.0/cni-plugins-linux-${arch}-v1.5.0.tgz`,
    checksum: (arch) => `${GH}/containernetworking/plugins/releases/download/v1.5.0/cni-plugins-linux-${arch}-v1.5.0.tgz.sha256`,
    sha256: { amd64: '57a18478422cb321370e30a5ee6ce026321289cd9c94353ca697dddd7714f1a5', arm64: 'ab38507efe50c34bc2242a25c5783c19fdfe0376c65a2a91d48174d4f39f1fc2' },
    executables: ['bridge', 'host-local', 'loopback', 'portmap'],
  },
  'cilium-cli': {
    version: '0.16.10',
    url: (arch) => `${GH}/cilium/cilium-cli/releases/download/v0.16.10/cilium-linux-${arch}.tar.gz`,
    checksum: (arch) => `${GH}/cilium/cilium-cli/releases/download/v0.16.10/cilium-linux-${arch}.tar.gz.sha256sum`,
    sha256: { amd64: 'aeb9d7c56108283a9fb9b370ec36b33f28f3126f6c4e6b4176a15cc6b2d3fc70', arm64: '625e880a9a5a9f38931a3e129fe2c811bd4883105b6f4dbe562734d48a082f7a' },
    executables: ['cilium'],
  },
  cfssl: {
    version: '1.6.5',
    url: (arch) => `${GH}/cloudflare/cfssl/releases/download/v1.6.5/cfssl_1.6.5_linux_${arch}`,
    checksum: () => `${GH}/cloudflare/cfssl/releases/download/v1.6.5/cfssl_1.6.5_checksums.txt`,
    executables: ['cfssl'],
  },
  cfssljson: {
    version: '1.6.5',
    url: (arch) => `${GH}/cloudflare/cfssl/releases/download/v1.6.5/cfssljson_1.6.5_linux_${arch}`,
    checksum: () => `${GH}/cloudflare/cfssl/releases/download/v1.6.5/cfssl_1.6.5_checksums.txt`,
    executables: ['cfssljson'],
  },
};

describe('binaries/manifest.json', () => {
  it("defaults to the talk's profile talk-1.31 for amd64 and arm64, with exactly the talk's artifacts", async () => {
    const manifest = await loadManifest();
    const { name, profile } = selectProfile(manifest);

    expect(name).toBe('talk-1.31');
    expect(profile.arches).toEqual([...ARCHES]);
    expect(profile.artifacts.map((artifact) => artifact.name)).toEqual(Object.keys(KUBE_STACK));
  });

  it.each(Object.keys(KUBE_STACK))('gives %s the version, URLs, checksum file and known hashes of kube-stack.md for both arches', async (artifactName) => {
    const expected = KUBE_STACK[artifactName]!;
    const spec = selectProfile(await loadManifest()).profile.artifacts.find((artifact) => artifact.name === artifactName)!;

    for (const arch of ARCHES) {
      const artifact = createArtifactForArch(spec, arch);
      expect(artifact.version).toBe(expected.version);
      expect(artifact.url).toBe(expected.url(arch));
      expect(artifact.checksum.url).toBe(expected.checksum(arch));
      expect(artifact.pinnedSha256).toBe(expected.sha256?.[arch]);
      expect(artifact.executables.map((executable) => executable.name)).toEqual(expected.executables);
    }
  });

  it('extracts the kube binaries from kubernetes/server/bin/ and the etcd ones from the per-arch folder', async () => {
    const { profile } = selectProfile(await loadManifest());
    const kube = createArtifactForArch(profile.artifacts[0]!, 'arm64');
    const etcd = createArtifactForArch(profile.artifacts[1]!, 'arm64');

    expect(kube.executables.map((executable) => executable.member)).toEqual(KUBE_STACK['kubernetes-server']!.executables.map((name) => `kubernetes/server/bin/${name}`));
    expect(etcd.executables.map((executable) => executable.member)).toEqual(['etcd-v3.5.14-linux-arm64/etcd', 'etcd-v3.5.14-linux-arm64/etcdctl']);
  });

  it('installs the CNI plugins into the cni folder and marks only cilium-cli as optional', async () => {
    const { profile } = selectProfile(await loadManifest());

    expect(profile.artifacts.filter((artifact) => artifact.installDir === 'cni').map((artifact) => artifact.name)).toEqual(['cni-plugins']);
    expect(profile.artifacts.filter((artifact) => artifact.optional).map((artifact) => artifact.name)).toEqual(['cilium-cli']);
  });

  it('selects artifacts by artifact name or by executable name for --only', async () => {
    const { profile } = selectProfile(await loadManifest());

    expect(selectArtifacts(profile, ['kube-apiserver', 'etcd', 'ctr']).map((artifact) => artifact.name)).toEqual(['kubernetes-server', 'etcd', 'containerd']);
    expect(selectArtifacts(profile, undefined)).toHaveLength(8);
  });
});
