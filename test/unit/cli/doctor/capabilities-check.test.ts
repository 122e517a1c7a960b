import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCapabilitiesCheck, createDoctorSystem, hasCapability } from '../../../../src/cli/doctor/index.ts';

// Measured on our VM: root without CAP_SYS_RESOURCE (bit 24).
const WITHOUT = 'CapInh:\t0000000000000000\nCapPrm:\t000001fffeffffff\nCapEff:\t000001fffeffffff\nCapBnd:\t000001fffeffffff\n';
const WITH = 'CapEff:\t000001ffffffffff\nCapBnd:\t000001ffffffffff\n';

let procRoot: string;

beforeEach(async () => {
  procRoot = await mkdtemp(join(tmpdir(), 'demystify-proc-'));
  await mkdir(join(procRoot, 'self'));
});

afterEach(async () => {
  await rm(procRoot, { recursive: true, force: true });
});

describe('CAP_SYS_RESOURCE', () => {
  it('reads bit 24 of CapEff', () => {
    expect(hasCapability(WITHOUT, 'CapEff', 24)).toBe(false);
    expect(hasCapability(WITH, 'CapEff', 24)).toBe(true);
    expect(hasCapability('', 'CapEff', 24)).toBeUndefined();
  });

  it('warns with the restrict_oom_score_adj advice when root lacks it', async () => {
    await writeFile(join(procRoot, 'self', 'status'), WITHOUT);
    const [row] = await createCapabilitiesCheck(createDoctorSystem({ procRoot, getuid: () => 0 })).run();

    expect(row).toMatchObject({ status: 'warn', detail: expect.stringContaining('missing (CapEff)'), fix: expect.stringContaining('restrict_oom_score_adj = true') });
  });

  it('looks at the bounding set for a non-root user (what sudo would get)', async () => {
    await writeFile(join(procRoot, 'self', 'status'), 'CapEff:\t0000000000000000\nCapBnd:\t000001ffffffffff\n');
    const [row] = await createCapabilitiesCheck(createDoctorSystem({ procRoot, getuid: () => 1000 })).run();

    expect(row).toMatchObject({ status: 'ok', detail: 'present (CapBnd)' });
  });
});
