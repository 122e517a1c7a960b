// A doctor check is a small value: a name and one method returning rows a user reads, each problem with its fix.
import type { RunCommand } from '../../binaries/index.ts';

/** `fail` blocks the live demos (doctor exits 1); `warn` is worth knowing; `ok` is fine. */
export type DoctorStatus = 'ok' | 'warn' | 'fail';

export interface DoctorRow {
  /** The domain: binaries, privileges, ports, cgroups, kernel, capabilities, iptables, chromium. */
  group: string;
  name: string;
  status: DoctorStatus;
  detail: string;
  /** The command or change that fixes a problem. */
  fix?: string;
}

export interface DoctorCheck {
  name: string;
  run(): Promise<DoctorRow[]>;
}

/** What checks read from the machine; tests point these at fake trees or fake commands. */
export interface DoctorSystem {
  procRoot: string;
  sysRoot: string;
  runRoot: string;
  env: NodeJS.ProcessEnv;
  getuid: () => number;
  run: RunCommand;
}
