import { describe, expect, it } from 'vitest';
import { renderContainerdConfig, type NodeFacts } from '../../../src/workspace/index.ts';

const THIS_VM: NodeFacts = { arch: 'amd64', cgroupVersion: 1, initIsSystemd: false, hasCapSysResource: false, cniBinDir: '/usr/lib/cni' };
const LAPTOP: NodeFacts = { arch: 'arm64', cgroupVersion: 2, initIsSystemd: true, hasCapSysResource: true, cniBinDir: '/opt/cni/bin' };
const DIRS = { rootDir: '/ws/containerd/root', stateDir: '/ws/containerd/state', runcRoot: '/ws/containerd/runc' };

/** The lines containerd reads: no comments, no blank lines. */
const meaningful = (toml: string): string[] => toml.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));

describe('renderContainerdConfig', () => {
  it('writes a version 2 config for a cgroup v1 machine without systemd and without CAP_SYS_RESOURCE', () => {
    expect(meaningful(renderContainerdConfig(THIS_VM, DIRS))).toEqual([
      'version = 2',
      'root = "/ws/containerd/root"',
      'state = "/ws/containerd/state"',
      '[grpc]',
      'address = "/run/containerd/containerd.sock"',
      '[ttrpc]',
      'address = "/run/containerd/containerd.sock.ttrpc"',
      '[plugins."io.containerd.grpc.v1.cri"]',
      'sandbox_image = "registry.k8s.io/pause:3.9"',
      'restrict_oom_score_adj = true',
      '[plugins."io.containerd.grpc.v1.cri".containerd]',
      'snapshotter = "overlayfs"',
      'default_runtime_name = "runc"',
      '[plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]',
      'runtime_type = "io.containerd.runc.v2"',
      '[plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]',
      'SystemdCgroup = false',
      'Root = "/ws/containerd/runc"',
      '[plugins."io.containerd.grpc.v1.cri".cni]',
      'bin_dir = "/usr/lib/cni"',
      'conf_dir = "/etc/cni/net.d"',
      'max_conf_num = 1',
    ]);
  });

  it('leaves oom_score_adj alone where root has CAP_SYS_RESOURCE and uses the CNI directory found there', () => {
    const lines = meaningful(renderContainerdConfig(LAPTOP, DIRS));
    expect(lines).not.toContain('restrict_oom_score_adj = true');
    expect(lines).toContain('bin_dir = "/opt/cni/bin"');
  });

  it('keeps the cgroupfs driver of the flag-only kubelet even on a systemd machine, and switches only when asked', () => {
    expect(meaningful(renderContainerdConfig(LAPTOP, DIRS))).toContain('SystemdCgroup = false');
    expect(meaningful(renderContainerdConfig(LAPTOP, { ...DIRS, cgroupDriver: 'systemd' }))).toContain('SystemdCgroup = true');
  });

  it('refuses the systemd cgroup driver on a machine whose init is not systemd', () => {
    expect(() => renderContainerdConfig(THIS_VM, { ...DIRS, cgroupDriver: 'systemd' })).toThrow(/Expected cgroupDriver "cgroupfs"/);
  });

  it('takes the socket, the CNI directories and the sandbox image from its options, quoting paths as TOML strings', () => {
    const lines = meaningful(
      renderContainerdConfig(THIS_VM, { ...DIRS, rootDir: '/tmp/a "b"', address: '/tmp/t/c.sock', cniConfDir: '/tmp/t/net.d', cniBinDir: '/x/cni', sandboxImage: 'example.test/pause:1' }),
    );
    expect(lines).toEqual(
      expect.arrayContaining([
        'root = "/tmp/a \\"b\\""',
        'address = "/tmp/t/c.sock"',
        'address = "/tmp/t/c.sock.ttrpc"',
        'conf_dir = "/tmp/t/net.d"',
        'bin_dir = "/x/cni"',
        'sandbox_image = "example.test/pause:1"',
      ]),
    );
  });

  it('says in the file when no CNI plugins were found and falls back to /opt/cni/bin', () => {
    const toml = renderContainerdConfig({ ...THIS_VM, cniBinDir: undefined }, DIRS);
    expect(toml).toContain('# No CNI plugins were found');
    expect(meaningful(toml)).toContain('bin_dir = "/opt/cni/bin"');
  });
});
