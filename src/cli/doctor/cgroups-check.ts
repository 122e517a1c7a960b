// cgroup v1, hybrid or v2, and whether systemd runs: that decides kubelet's and containerd's cgroup driver.
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { DoctorCheck, DoctorSystem } from './doctor-check.ts';

export type CgroupVersion = 'v1' | 'hybrid' | 'v2' | 'none';

const exists = (path: string) => access(path).then(() => true, () => false);

export async function detectCgroupVersion(sysRoot = '/sys'): Promise<CgroupVersion> {
  const root = join(sysRoot, 'fs', 'cgroup');
  if (await exists(join(root, 'cgroup.controllers'))) return 'v2';
  if (await exists(join(root, 'unified', 'cgroup.controllers'))) return 'hybrid';
  if ((await exists(join(root, 'memory'))) || (await exists(join(root, 'cpu')))) return 'v1';
  return 'none';
}

/** sd_booted(): systemd is PID 1 when /run/systemd/system exists. */
export function isSystemdRunning(runRoot = '/run'): Promise<boolean> {
  return exists(join(runRoot, 'systemd', 'system'));
}

export function createCgroupsCheck({ sysRoot, runRoot }: DoctorSystem): DoctorCheck {
  return {
    name: 'cgroups',
    async run() {
      const [version, systemd] = await Promise.all([detectCgroupVersion(sysRoot), isSystemdRunning(runRoot)]);
      const row = { group: 'cgroups', name: 'cgroup driver' };
      if (version === 'none') {
        return [{ ...row, status: 'fail', detail: 'no cgroup filesystem under /sys/fs/cgroup', fix: 'mount cgroup2 on /sys/fs/cgroup (a container may need --privileged)' }];
      }
      const label = version === 'hybrid' ? 'v1 (hybrid, v2 unified tree beside it)' : version;
      if (!systemd) {
        return [{ ...row, status: 'ok', detail: `cgroup ${label}, no systemd: use the cgroupfs driver (kubelet --cgroup-driver=cgroupfs, containerd SystemdCgroup = false)` }];
      }
      const advice = version === 'v2' ? 'the systemd driver is recommended (kubelet cgroupDriver: systemd, containerd SystemdCgroup = true)' : 'cgroupfs or systemd driver, the same in kubelet and containerd';
      return [{ ...row, status: 'ok', detail: `cgroup ${label}, systemd running: ${advice}` }];
    },
  };
}
