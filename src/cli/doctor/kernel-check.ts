// Kernel features the node needs: overlay (containerd's default snapshotter) and br_netfilter
// (bridged pod traffic through iptables, for Services), built in or loaded.
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DoctorCheck, DoctorRow, DoctorSystem } from './doctor-check.ts';

const exists = (path: string) => access(path).then(() => true, () => false);
const read = (path: string) => readFile(path, 'utf8').catch(() => '');

export async function hasOverlayFilesystem({ procRoot, sysRoot }: Pick<DoctorSystem, 'procRoot' | 'sysRoot'>): Promise<boolean> {
  const filesystems = await read(join(procRoot, 'filesystems'));
  return /\boverlay$/m.test(filesystems) || (await exists(join(sysRoot, 'module', 'overlay')));
}

export async function hasBridgeNetfilter({ procRoot, sysRoot }: Pick<DoctorSystem, 'procRoot' | 'sysRoot'>): Promise<boolean> {
  const modules = await read(join(procRoot, 'modules'));
  return (
    /^br_netfilter\s/m.test(modules) ||
    (await exists(join(sysRoot, 'module', 'br_netfilter'))) ||
    (await exists(join(procRoot, 'sys', 'net', 'bridge', 'bridge-nf-call-iptables')))
  );
}

export function createKernelCheck(system: DoctorSystem): DoctorCheck {
  return {
    name: 'kernel',
    async run() {
      const [overlay, brNetfilter] = await Promise.all([hasOverlayFilesystem(system), hasBridgeNetfilter(system)]);
      const rows: DoctorRow[] = [
        overlay
          ? { group: 'kernel', name: 'overlay', status: 'ok', detail: 'overlay filesystem available' }
          : { group: 'kernel', name: 'overlay', status: 'fail', detail: 'no overlay filesystem (containerd’s default snapshotter)', fix: 'sudo modprobe overlay' },
        brNetfilter
          ? { group: 'kernel', name: 'br_netfilter', status: 'ok', detail: 'bridge netfilter available (/proc/sys/net/bridge)' }
          : { group: 'kernel', name: 'br_netfilter', status: 'warn', detail: 'no br_netfilter: bridged pod traffic skips iptables, Services break', fix: 'sudo modprobe br_netfilter' },
      ];
      return rows;
    },
  };
}
