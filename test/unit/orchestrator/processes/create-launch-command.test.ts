import { describe, expect, it } from 'vitest';
import { createLaunchCommand, createRunEnv } from '../../../../src/orchestrator/processes/index.ts';

describe('createRunEnv', () => {
  it('puts the workspace bin/ first on PATH, a colour TERM and the run identity', () => {
    const env = createRunEnv({ workspace: '/ws', runId: 'etcd-1', demoId: 'etcd', baseEnv: { PATH: '/usr/bin', COLUMNS: '80', HOME: '/root' }, extraEnv: { EXTRA: 'yes' } });
    expect(env).toEqual({ PATH: '/ws/bin:/usr/bin', TERM: 'xterm-256color', HOME: '/root', EXTRA: 'yes', DEMYSTIFY_RUN_ID: 'etcd-1', DEMYSTIFY_DEMO_ID: 'etcd' });
  });
});

describe('createLaunchCommand', () => {
  const env = { PATH: '/ws/bin:/usr/bin', TERM: 'xterm-256color', DEMYSTIFY_RUN_ID: 'r', DEMYSTIFY_DEMO_ID: 'd', HOME: '/home/me', EXTRA: 'x' };

  it('runs the slide text verbatim with bash and pipefail, and no set -e', () => {
    expect(createLaunchCommand({ command: 'bin/etcd --data-dir etcd-data', root: false, isRoot: false, bashPath: '/bin/bash', env })).toEqual({
      file: '/bin/bash',
      args: ['-o', 'pipefail', '-c', 'bin/etcd --data-dir etcd-data'],
      viaSudo: false,
    });
  });

  it('runs a root demo directly when we are root', () => {
    expect(createLaunchCommand({ command: 'bin/containerd', root: true, isRoot: true, bashPath: '/bin/bash', env }).viaSudo).toBe(false);
  });

  it('runs a root demo through sudo -n otherwise, passing the run environment explicitly', () => {
    const launch = createLaunchCommand({ command: 'bin/containerd', root: true, isRoot: false, bashPath: '/bin/bash', sudoPath: '/usr/bin/sudo', envPath: '/usr/bin/env', env, passThrough: ['EXTRA'] });
    expect(launch).toEqual({
      file: '/usr/bin/sudo',
      args: ['-n', '--', '/usr/bin/env', 'PATH=/ws/bin:/usr/bin', 'TERM=xterm-256color', 'DEMYSTIFY_RUN_ID=r', 'DEMYSTIFY_DEMO_ID=d', 'EXTRA=x', '/bin/bash', '-o', 'pipefail', '-c', 'bin/containerd'],
      viaSudo: true,
    });
  });
});
