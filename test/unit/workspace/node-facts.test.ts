import { describe, expect, it } from 'vitest';
import { detectNodeFacts, parseCapabilityMask } from '../../../src/workspace/index.ts';

const STATUS_NO_SYS_RESOURCE = 'Name:\tnode\nCapInh:\t0000000000000000\nCapPrm:\t000001fffeffffff\nCapEff:\t000001fffeffffff\nCapBnd:\t000001fffeffffff\n';
const STATUS_FULL_ROOT = 'CapEff:\t000001ffffffffff\nCapBnd:\t000001ffffffffff\n';
const STATUS_USER = 'CapEff:\t0000000000000000\nCapBnd:\t000001ffffffffff\n';

function machine(files: Record<string, string>, present: string[] = [], executables: string[] = []) {
  return {
    readText: async (path: string) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT ${path}`), { code: 'ENOENT' });
      return text;
    },
    exists: async (path: string) => present.includes(path),
    isExecutable: async (path: string) => executables.some((dir) => path.startsWith(`${dir}/`)),
  };
}

describe('detectNodeFacts', () => {
  it('describes a cgroup v1 machine without systemd whose root lacks CAP_SYS_RESOURCE, with plugins in /usr/lib/cni', async () => {
    const facts = await detectNodeFacts({
      ...machine({ '/proc/self/status': STATUS_NO_SYS_RESOURCE, '/proc/1/comm': 'process_api\n' }, [], ['/usr/lib/cni']),
      processArch: 'x64',
      uid: 0,
    });
    expect(facts).toEqual({ arch: 'amd64', cgroupVersion: 1, initIsSystemd: false, hasCapSysResource: false, cniBinDir: '/usr/lib/cni' });
  });

  it('describes a systemd laptop on cgroup v2 with the workspace plugins preferred over the system ones', async () => {
    const facts = await detectNodeFacts({
      ...machine({ '/proc/self/status': STATUS_FULL_ROOT, '/proc/1/comm': 'systemd\n' }, ['/sys/fs/cgroup/cgroup.controllers'], ['/ws/cni/bin', '/opt/cni/bin']),
      workspace: '/ws',
      processArch: 'arm64',
      uid: 0,
    });
    expect(facts).toEqual({ arch: 'arm64', cgroupVersion: 2, initIsSystemd: true, hasCapSysResource: true, cniBinDir: '/ws/cni/bin' });
  });

  it('judges a non-root user by the bounding set, which is what sudo containerd will get', async () => {
    const facts = await detectNodeFacts({ ...machine({ '/proc/self/status': STATUS_USER, '/proc/1/comm': 'init' }), processArch: 'x64', uid: 1000 });
    expect(facts.hasCapSysResource).toBe(true);
    expect(facts.cniBinDir).toBeUndefined();
  });

  it('rejects an architecture the talk has no binaries for', async () => {
    await expect(detectNodeFacts({ ...machine({ '/proc/self/status': STATUS_FULL_ROOT }), processArch: 'riscv64' })).rejects.toThrow(/Expected an amd64 or arm64 machine/);
  });
});

describe('parseCapabilityMask', () => {
  it('reads the mask as a number whose bit 24 is CAP_SYS_RESOURCE', () => {
    expect(parseCapabilityMask(STATUS_NO_SYS_RESOURCE, 'CapEff') & (1n << 24n)).toBe(0n);
    expect(parseCapabilityMask(STATUS_FULL_ROOT, 'CapEff') & (1n << 24n)).toBe(1n << 24n);
  });
});
