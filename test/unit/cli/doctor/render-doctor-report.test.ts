import { describe, expect, it } from 'vitest';
import type { ResolvedBinary } from '../../../../src/binaries/index.ts';
import { createBinaryRow, renderDoctorReport, runDoctor, type DoctorCheck } from '../../../../src/cli/doctor/index.ts';

const base: ResolvedBinary = { name: 'etcd', artifact: 'etcd', component: 'etcd', installDir: 'bin', optional: false, source: 'pinned', workspacePath: '/w/bin/etcd', pinnedVersion: '3.5.14', note: 'etcd 3.5.14 (pinned, verified in the cache)' };

describe('doctor rows for binaries', () => {
  it('is ok for pinned, warns for another system version, fails for a missing required binary', () => {
    expect(createBinaryRow(base).status).toBe('ok');
    expect(createBinaryRow({ ...base, source: 'system', version: '3.4.23', note: 'n', fix: 'npx demystify fetch --only etcd' })).toMatchObject({ status: 'warn', fix: 'npx demystify fetch --only etcd (for the pinned 3.5.14)' });
    expect(createBinaryRow({ ...base, source: 'system', version: '3.5.14', note: 'n' }).status).toBe('ok');
    expect(createBinaryRow({ ...base, source: 'missing', note: 'n', fix: 'npx demystify fetch --only etcd' })).toEqual({ group: 'binaries', name: 'etcd', status: 'fail', detail: 'missing (pinned 3.5.14)', fix: 'npx demystify fetch --only etcd' });
    expect(createBinaryRow({ ...base, source: 'missing', optional: true, note: 'n' }).status).toBe('warn');
  });
});

describe('the doctor report', () => {
  const check = (name: string, run: DoctorCheck['run']): DoctorCheck => ({ name, run });

  it('blocks on a failing row, keeps going when a check crashes, and prints each fix under its row', async () => {
    const report = await runDoctor([
      check('ports', async () => [{ group: 'ports', name: '2379 (etcd clients)', status: 'fail', detail: 'in use by pid 42 (etcd)', fix: 'stop it' }]),
      check('kernel', () => Promise.reject(new Error('boom'))),
      check('tools', async () => [{ group: 'tools', name: 'chromium', status: 'ok', detail: 'Chromium 156' }]),
    ]);

    expect(report.ok).toBe(false);
    expect(renderDoctorReport(report, 'heading').split('\n')).toEqual([
      'heading',
      '',
      'STATUS  CHECK        ITEM                 DETAIL',
      '✘ FAIL  ports        2379 (etcd clients)  in use by pid 42 (etcd)',
      '        fix: stop it',
      '✘ FAIL  kernel       kernel               the check itself failed: boom',
      '        fix: report this with the output of `npx demystify doctor --json`',
      '✔ ok    tools        chromium             Chromium 156',
      '',
      '2 problems block the live demos: apply the fixes above, then run `npx demystify doctor` again.',
    ]);
  });

  it('says nothing blocks when only warnings remain', async () => {
    const report = await runDoctor([check('tools', async () => [{ group: 'tools', name: 'chromium', status: 'warn', detail: 'not found' }])]);

    expect(report.ok).toBe(true);
    expect(renderDoctorReport(report, 'h').split('\n').at(-1)).toBe('Nothing blocks the live demos (1 warning).');
  });
});
