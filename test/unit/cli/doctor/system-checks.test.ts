// cgroups, kernel features and privileges, against fake /sys, /proc and /run trees and fake commands.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunCommand } from '../../../../src/binaries/index.ts';
import { createCgroupsCheck, createDoctorSystem, createKernelCheck, createPrivilegesCheck, detectCgroupVersion } from '../../../../src/cli/doctor/index.ts';

let root: string;
const sysRoot = () => join(root, 'sys');
const procRoot = () => join(root, 'proc');
const runRoot = () => join(root, 'run');

async function touch(path: string, content = ''): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, content);
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'demystify-sys-'));
  await mkdir(join(sysRoot(), 'fs', 'cgroup'), { recursive: true });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('cgroups', () => {
  it('tells v2, hybrid and v1 apart', async () => {
    await mkdir(join(sysRoot(), 'fs', 'cgroup', 'memory'));
    expect(await detectCgroupVersion(sysRoot())).toBe('v1');
    await touch(join(sysRoot(), 'fs', 'cgroup', 'unified', 'cgroup.controllers'));
    expect(await detectCgroupVersion(sysRoot())).toBe('hybrid');
    await touch(join(sysRoot(), 'fs', 'cgroup', 'cgroup.controllers'));
    expect(await detectCgroupVersion(sysRoot())).toBe('v2');
  });

  it('advises cgroupfs without systemd and the systemd driver with systemd on cgroup v2', async () => {
    await touch(join(sysRoot(), 'fs', 'cgroup', 'cgroup.controllers'));
    const check = createCgroupsCheck(createDoctorSystem({ sysRoot: sysRoot(), runRoot: runRoot() }));
    expect((await check.run())[0]?.detail).toBe('cgroup v2, no systemd: use the cgroupfs driver (kubelet --cgroup-driver=cgroupfs, containerd SystemdCgroup = false)');

    await mkdir(join(runRoot(), 'systemd', 'system'), { recursive: true });
    expect((await check.run())[0]?.detail).toContain('the systemd driver is recommended');
  });
});

describe('kernel features', () => {
  it('finds overlay in /proc/filesystems and br_netfilter in /proc/modules', async () => {
    await touch(join(procRoot(), 'filesystems'), 'nodev\tsysfs\nnodev\toverlay\n');
    await touch(join(procRoot(), 'modules'), 'br_netfilter 32768 0 - Live 0x0000000000000000\n');
    const rows = await createKernelCheck(createDoctorSystem({ procRoot: procRoot(), sysRoot: sysRoot() })).run();

    expect(rows.map((row) => `${row.name}:${row.status}`)).toEqual(['overlay:ok', 'br_netfilter:ok']);
  });

  it('gives the modprobe fixes when both are absent', async () => {
    await touch(join(procRoot(), 'filesystems'), 'nodev\tsysfs\n');
    const rows = await createKernelCheck(createDoctorSystem({ procRoot: procRoot(), sysRoot: sysRoot() })).run();

    expect(rows.map((row) => [row.name, row.status, row.fix])).toEqual([
      ['overlay', 'fail', 'sudo modprobe overlay'],
      ['br_netfilter', 'warn', 'sudo modprobe br_netfilter'],
    ]);
  });
});

describe('privileges', () => {
  const answering = (exitCode: number | undefined, output = ''): RunCommand => async () => ({ exitCode, output });

  it('is fine as root, or when sudo -n works', async () => {
    expect((await createPrivilegesCheck(createDoctorSystem({ getuid: () => 0 })).run())[0]).toMatchObject({ status: 'ok', detail: 'running as root' });
    expect((await createPrivilegesCheck(createDoctorSystem({ getuid: () => 1000, run: answering(0) })).run())[0]).toMatchObject({ status: 'ok', detail: 'sudo works without a password prompt' });
  });

  it('says what to run when sudo would prompt', async () => {
    const [row] = await createPrivilegesCheck(createDoctorSystem({ getuid: () => 1000, run: answering(1, 'sudo: a password is required') })).run();

    expect(row).toMatchObject({ status: 'fail', fix: 'run `sudo -v` in this terminal before the talk (caches your password), or start demystify with sudo' });
  });

  it('says to install sudo when it is absent', async () => {
    const [row] = await createPrivilegesCheck(createDoctorSystem({ getuid: () => 1000, run: answering(undefined) })).run();

    expect(row).toMatchObject({ status: 'fail', detail: 'not root and sudo is not installed' });
  });
});
