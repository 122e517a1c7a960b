// The doctor's table for humans: one row per finding, the fix under each problem, a verdict at the end.
import type { DoctorRow, DoctorStatus } from './doctor-check.ts';
import type { DoctorReport } from './run-doctor.ts';

const STATUS_LABEL: Record<DoctorStatus, string> = { ok: '✔ ok  ', warn: '! warn', fail: '✘ FAIL' };

export function renderDoctorRow(row: DoctorRow, nameWidth: number): string[] {
  const line = `${STATUS_LABEL[row.status]}  ${row.group.padEnd(12)} ${row.name.padEnd(nameWidth)}  ${row.detail}`;
  return row.fix ? [line, `${' '.repeat(8)}fix: ${row.fix}`] : [line];
}

export function renderDoctorReport(report: DoctorReport, heading: string): string {
  const nameWidth = Math.max(...report.rows.map((row) => row.name.length), 4);
  const header = `${'STATUS'.padEnd(6)}  ${'CHECK'.padEnd(12)} ${'ITEM'.padEnd(nameWidth)}  DETAIL`;
  const failures = report.rows.filter((row) => row.status === 'fail').length;
  const warnings = report.rows.filter((row) => row.status === 'warn').length;
  const verdict = report.ok
    ? `Nothing blocks the live demos${warnings ? ` (${warnings} warning${warnings > 1 ? 's' : ''})` : ''}.`
    : `${failures} problem${failures > 1 ? 's' : ''} block${failures > 1 ? '' : 's'} the live demos${warnings ? `, ${warnings} warning${warnings > 1 ? 's' : ''}` : ''}: apply the fixes above, then run \`npx demystify doctor\` again.`;
  return [heading, '', header, ...report.rows.flatMap((row) => renderDoctorRow(row, nameWidth)), '', verdict].join('\n');
}
