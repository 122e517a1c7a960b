// A local mirror for the fetcher's tests: tiny fake artifacts (shell scripts that say they are
// fetcher fixtures, never components) laid out as <root>/<host>/<path> exactly like the upstream
// URLs, their checksum files, a test manifest, and an HTTP server on 127.0.0.1:0 that logs requests
// and can redirect or cut a download mid-body.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { c as createTar } from 'tar';
import type { Arch } from '../../../src/binaries/index.ts';

export const FIXTURE_PROFILE = 'fixture';
const K8S = 'https://dl.k8s.io/v1.31.0-alpha.0';
const GH = 'https://github.com';

export function sha256Of(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function fixtureScript(name: string): string {
  return `#!/bin/sh\necho "fetcher fixture standing in for ${name} (not the real program)"\n`;
}

export interface FakeMirror {
  dir: string;
  root: string;
  manifestPath: string;
  lockPath: string;
  cacheDir: string;
  workspace: string;
  arch: Arch;
  /** Path on disk of the mirrored copy of an upstream URL. */
  pathOf(upstreamUrl: string): string;
  upstream: { kubernetes: string; kubernetesSha256: string; etcd: string; runc: string; runcSums: string; cni: string };
  cleanup(): Promise<void>;
}

async function put(root: string, upstreamUrl: string, data: Buffer | string): Promise<string> {
  const url = new URL(upstreamUrl);
  const path = join(root, url.host, url.pathname);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, data);
  return path;
}

async function makeTarGz(workDir: string, members: string[]): Promise<Buffer> {
  const src = join(workDir, `src-${Math.random().toString(36).slice(2)}`);
  for (const member of members) {
    const path = join(src, member);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, fixtureScript(member.split('/').pop() ?? member));
    await chmod(path, 0o755);
  }
  const file = join(workDir, `${Math.random().toString(36).slice(2)}.tar.gz`);
  await createTar({ gzip: true, file, cwd: src, portable: true }, members);
  const data = await readFile(file);
  await rm(src, { recursive: true, force: true });
  await rm(file, { force: true });
  return data;
}

export async function createFakeMirror(arch: Arch = 'amd64'): Promise<FakeMirror> {
  const dir = await mkdtemp(join(tmpdir(), 'demystify-mirror-'));
  const root = join(dir, 'mirror');
  const kubeMembers = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubelet', 'kube-proxy', 'kubectl'].map((n) => `kubernetes/server/bin/${n}`);
  const upstream = {
    kubernetes: `${K8S}/kubernetes-server-linux-${arch}.tar.gz`,
    kubernetesSha256: `${K8S}/kubernetes-server-linux-${arch}.tar.gz.sha256`,
    etcd: `${GH}/etcd-io/etcd/releases/download/v3.5.14/etcd-v3.5.14-linux-${arch}.tar.gz`,
    runc: `${GH}/opencontainers/runc/releases/download/v1.2.0-rc.1/runc.${arch}`,
    runcSums: `${GH}/opencontainers/runc/releases/download/v1.2.0-rc.1/runc.sha256sum`,
    cni: `${GH}/containernetworking/plugins/releases/download/v1.5.0/cni-plugins-linux-${arch}-v1.5.0.tgz`,
  };
  const kubernetes = await makeTarGz(dir, kubeMembers);
  await put(root, upstream.kubernetes, kubernetes);
  await put(root, upstream.kubernetesSha256, `${sha256Of(kubernetes)}\n`);
  const etcd = await makeTarGz(dir, [`etcd-v3.5.14-linux-${arch}/etcd`, `etcd-v3.5.14-linux-${arch}/etcdctl`, `etcd-v3.5.14-linux-${arch}/README.md`]);
  await put(root, upstream.etcd, etcd);
  const runc = fixtureScript('runc');
  await put(root, upstream.runc, runc);
  await put(root, upstream.runcSums, `${sha256Of('other')}  runc.armel\n${sha256Of(runc)}  runc.${arch}\n`);
  const cni = await makeTarGz(dir, ['./bridge', './host-local', './loopback', './portmap', './dhcp']);
  await put(root, upstream.cni, cni);

  const manifest = {
    version: 1,
    defaultProfile: FIXTURE_PROFILE,
    profiles: {
      [FIXTURE_PROFILE]: {
        description: 'Fetcher test fixtures laid out like the talk stack',
        arches: ['amd64', 'arm64'],
        artifacts: [
          { name: 'kubernetes-server', component: 'fixture bundle', version: '1.31.0-alpha.0', type: 'tar.gz', installDir: 'bin', url: `${K8S}/kubernetes-server-linux-{arch}.tar.gz`, checksum: { url: `${K8S}/kubernetes-server-linux-{arch}.tar.gz.sha256`, algorithm: 'sha256', format: 'hash' }, sha256: {}, executables: kubeMembers.map((member) => ({ name: member.split('/').pop(), member })) },
          { name: 'etcd', component: 'fixture etcd', version: '3.5.14', type: 'tar.gz', installDir: 'bin', url: `${GH}/etcd-io/etcd/releases/download/v3.5.14/etcd-v3.5.14-linux-{arch}.tar.gz`, checksum: { url: `${GH}/etcd-io/etcd/releases/download/v3.5.14/SHA256SUMS`, algorithm: 'sha256', format: 'sums' }, sha256: { [arch]: sha256Of(etcd) }, executables: [{ name: 'etcd', member: 'etcd-v3.5.14-linux-{arch}/etcd' }, { name: 'etcdctl', member: 'etcd-v3.5.14-linux-{arch}/etcdctl' }] },
          { name: 'runc', component: 'fixture runc', version: '1.2.0-rc.1', type: 'raw', installDir: 'bin', url: `${GH}/opencontainers/runc/releases/download/v1.2.0-rc.1/runc.{arch}`, checksum: { url: `${GH}/opencontainers/runc/releases/download/v1.2.0-rc.1/runc.sha256sum`, algorithm: 'sha256', format: 'sums' }, sha256: {}, executables: [{ name: 'runc' }] },
          { name: 'cni-plugins', component: 'fixture CNI plugins', version: '1.5.0', type: 'tar.gz', installDir: 'cni', url: `${GH}/containernetworking/plugins/releases/download/v1.5.0/cni-plugins-linux-{arch}-v1.5.0.tgz`, checksum: { url: `${GH}/containernetworking/plugins/releases/download/v1.5.0/cni-plugins-linux-{arch}-v1.5.0.tgz.sha256`, algorithm: 'sha256', format: 'sums' }, sha256: { [arch]: sha256Of(cni) }, executables: ['bridge', 'host-local', 'loopback', 'portmap'].map((name) => ({ name, member: `./${name}` })) },
        ],
      },
    },
  };
  const manifestPath = join(dir, 'binaries', 'manifest.json');
  await mkdir(dirname(manifestPath), { recursive: true });
  await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
  return {
    dir,
    root,
    manifestPath,
    lockPath: join(dir, 'binaries', 'lock.json'),
    cacheDir: join(dir, 'cache'),
    workspace: join(dir, 'workspace'),
    arch,
    upstream,
    pathOf: (upstreamUrl) => join(root, new URL(upstreamUrl).host, new URL(upstreamUrl).pathname),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

export interface MirrorServer {
  baseUrl: string;
  /** Paths requested, in order. */
  requests: string[];
  /** Paths answered with a redirect to the given location. */
  redirects: Map<string, string>;
  /** Paths whose body is cut after half the bytes (the socket is destroyed). */
  interrupt: Set<string>;
  /** Paths whose body stops after half the bytes, the connection left open. */
  stall: Set<string>;
  close(): Promise<void>;
}

export async function serveMirror(root: string): Promise<MirrorServer> {
  const requests: string[] = [];
  const redirects = new Map<string, string>();
  const interrupt = new Set<string>();
  const stall = new Set<string>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    const location = redirects.get(path);
    if (location !== undefined) {
      res.writeHead(302, { location }).end();
      return;
    }
    const file = join(root, path);
    stat(file).then(
      async (stats) => {
        if (!stats.isFile()) return void res.writeHead(404).end('not found');
        res.writeHead(200, { 'content-length': stats.size, 'content-type': 'application/octet-stream' });
        if (interrupt.has(path) || stall.has(path)) {
          const data = await readFile(file);
          res.write(data.subarray(0, Math.floor(data.length / 2)), () => {
            if (interrupt.has(path)) res.socket?.destroy();
          });
          return;
        }
        createReadStream(file).pipe(res);
      },
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    redirects,
    interrupt,
    stall,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Every file (not folder) under `dir`, relative, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}
