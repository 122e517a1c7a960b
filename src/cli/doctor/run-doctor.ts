// The doctor's table of contents: every check, in the order a user reads them.
import type { ResolveBinariesOptions } from '../../binaries/index.ts';
import { runCommand } from '../../binaries/index.ts';
import { createBinariesCheck } from './binaries-check.ts';
import { createCapabilitiesCheck } from './capabilities-check.ts';
import { createCgroupsCheck } from './cgroups-check.ts';
import type { DoctorCheck, DoctorRow, DoctorSystem } from './doctor-check.ts';
import { createKernelCheck } from './kernel-check.ts';
import { createPortsCheck } from './ports-check.ts';
import { createPrivilegesCheck } from './privileges-check.ts';
import { createChromiumCheck, createIptablesCheck } from './tools-check.ts';

export function createDoctorSystem(overrides: Partial<DoctorSystem> = {}): DoctorSystem {
  return {
    procRoot: '/proc',
    sysRoot: '/sys',
    runRoot: '/run',
    env: process.env,
    getuid: () => process.getuid?.() ?? -1,
    run: runCommand,
    ...overrides,
  };
}

export function createDoctorChecks(system: DoctorSystem, binaries: ResolveBinariesOptions): DoctorCheck[] {
  return [
    createBinariesCheck({ ...binaries, env: system.env }),
    createPrivilegesCheck(system),
    createPortsCheck(system),
    createCgroupsCheck(system),
    createKernelCheck(system),
    createCapabilitiesCheck(system),
    createIptablesCheck(system),
    createChromiumCheck(system),
  ];
}

export interface DoctorReport {
  /** True when no row fails: the live demos can run. */
  ok: boolean;
  rows: DoctorRow[];
}

export async function runDoctor(checks: DoctorCheck[]): Promise<DoctorReport> {
  const perCheck = await Promise.all(
    checks.map((check) =>
      check.run().catch((error: unknown): DoctorRow[] => [
        { group: check.name, name: check.name, status: 'fail', detail: `the check itself failed: ${(error as Error).message}`, fix: 'report this with the output of `npx demystify doctor --json`' },
      ]),
    ),
  );
  const rows = perCheck.flat();
  return { ok: rows.every((row) => row.status !== 'fail'), rows };
}
