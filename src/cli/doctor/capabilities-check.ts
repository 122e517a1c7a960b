// CAP_SYS_RESOURCE: without it (some VMs and containers) containerd's CRI sandboxes fail with
// "can't get final child's PID from pipe: EOF" unless restrict_oom_score_adj = true.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DoctorCheck, DoctorSystem } from './doctor-check.ts';

export const CAP_SYS_RESOURCE = 24;

/** Whether bit `capability` is set in a /proc/<pid>/status capability field (CapEff, CapBnd…). */
export function hasCapability(statusText: string, field: 'CapEff' | 'CapBnd', capability: number): boolean | undefined {
  const hex = new RegExp(`^${field}:\\s*([0-9a-f]+)$`, 'mi').exec(statusText)?.[1];
  if (hex === undefined) return undefined;
  return ((BigInt(`0x${hex}`) >> BigInt(capability)) & 1n) === 1n;
}

export function createCapabilitiesCheck({ procRoot, getuid }: DoctorSystem): DoctorCheck {
  return {
    name: 'capabilities',
    async run() {
      const status = await readFile(join(procRoot, 'self', 'status'), 'utf8').catch(() => '');
      // As root, what we have; otherwise, what root could have under sudo (the bounding set).
      const field = getuid() === 0 ? 'CapEff' : 'CapBnd';
      const present = hasCapability(status, field, CAP_SYS_RESOURCE);
      const row = { group: 'capabilities', name: 'CAP_SYS_RESOURCE' };
      if (present === undefined) return [{ ...row, status: 'warn', detail: 'cannot read /proc/self/status' }];
      if (present) return [{ ...row, status: 'ok', detail: `present (${field})` }];
      return [{ ...row, status: 'warn', detail: `missing (${field}): containerd pod sandboxes fail unless the CRI plugin sets restrict_oom_score_adj = true`, fix: 'set restrict_oom_score_adj = true under [plugins."io.containerd.grpc.v1.cri"] (the demos’ containerd config does)' }];
    },
  };
}
