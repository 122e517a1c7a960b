// Each executable of the profile: pinned (cache), system (with the version difference) or missing.
import { resolveBinaries, type ResolveBinariesOptions, type ResolvedBinary } from '../../binaries/index.ts';
import type { DoctorCheck, DoctorRow } from './doctor-check.ts';

export function createBinaryRow(binary: ResolvedBinary): DoctorRow {
  const row = { group: 'binaries', name: binary.name, detail: binary.note };
  if (binary.source === 'pinned') return { ...row, status: 'ok' };
  if (binary.source === 'missing') {
    const detail = `missing (pinned ${binary.pinnedVersion})${binary.optional ? ', only for an online option of the talk' : ''}`;
    return { ...row, status: binary.optional ? 'warn' : 'fail', detail, fix: binary.fix ?? 'npx demystify fetch' };
  }
  if (binary.version === binary.pinnedVersion) return { ...row, status: 'ok' };
  return { ...row, status: 'warn', ...(binary.fix ? { fix: `${binary.fix} (for the pinned ${binary.pinnedVersion})` } : {}) };
}

export function createBinariesCheck(options: ResolveBinariesOptions): DoctorCheck {
  return {
    name: 'binaries',
    async run() {
      return (await resolveBinaries(options)).map(createBinaryRow);
    },
  };
}
