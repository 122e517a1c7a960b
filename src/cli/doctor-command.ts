// `demystify doctor`: what is present, missing or mismatched, each problem with its fix.
import { DEFAULT_MANIFEST_PATH, detectHostArch, loadManifest, resolveWorkspace, selectProfile } from '../binaries/index.ts';
import { createDoctorChecks, createDoctorSystem, renderDoctorReport, runDoctor, type DoctorSystem } from './doctor/index.ts';
import { parseCommandArgs } from './command-args.ts';
import { PROJECT_WORKSPACE } from './project-root.ts';

export const DOCTOR_USAGE = `Usage: demystify doctor [options]

Checks this machine for the live demos: the profile's binaries (pinned, system with the version
difference, or missing), root/sudo, the talk's ports, cgroups, kernel features, CAP_SYS_RESOURCE,
iptables and Chromium. Each problem comes with its fix. Exits 0 when nothing blocks, 1 otherwise.

Options:
  --profile <name>    stack profile from the manifest (default: talk-1.31)
  --workspace <dir>   workspace folder (default: the project's workspace/)
  --manifest <file>   manifest to read (default: binaries/manifest.json)
  --json              print the report as JSON ({ ok, profile, arch, rows: [{ group, name, status, detail, fix? }] })
  -h, --help          show this help`;

export interface DoctorCommandIo {
  stdout: { write(text: string): unknown };
  system?: Partial<DoctorSystem>;
  /** Cache folder override (default: from the environment). */
  cacheDir?: string;
}

function parseDoctorArgs(args: string[]) {
  return parseCommandArgs('doctor', args, {
    profile: { type: 'string' },
    workspace: { type: 'string' },
    manifest: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
}

export async function runDoctorCommand(args: string[], io: DoctorCommandIo = { stdout: process.stdout }): Promise<number> {
  const values = parseDoctorArgs(args);
  if (values.help) {
    io.stdout.write(`${DOCTOR_USAGE}\n`);
    return 0;
  }
  const manifestPath = values.manifest ?? DEFAULT_MANIFEST_PATH;
  const profile = selectProfile(await loadManifest(manifestPath), values.profile).name;
  const workspace = resolveWorkspace(values.workspace ?? PROJECT_WORKSPACE);
  const system = createDoctorSystem(io.system);
  const checks = createDoctorChecks(system, { profile, workspace, manifestPath, ...(io.cacheDir ? { cacheDir: io.cacheDir } : {}) });
  const report = await runDoctor(checks);
  const arch = detectHostArch() ?? process.arch;
  if (values.json) {
    io.stdout.write(`${JSON.stringify({ ok: report.ok, profile, arch, workspace, rows: report.rows }, null, 2)}\n`);
  } else {
    io.stdout.write(`${renderDoctorReport(report, `demystify doctor: profile ${profile}, linux/${arch}, workspace ${workspace}`)}\n`);
  }
  return report.ok ? 0 : 1;
}
