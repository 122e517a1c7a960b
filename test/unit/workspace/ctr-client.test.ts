import { describe, expect, it } from 'vitest';
import { createCtrClient, type RunCommand } from '../../../src/workspace/index.ts';

const IMAGES = `REF                                      TYPE                                      DIGEST                                                                  SIZE    PLATFORMS   LABELS
docker.io/zwindler/vhelloworld:latest    application/vnd.oci.image.manifest.v1+json sha256:6ff7d3c658cf8b1f979d19e2f73ce53779607e2e1f4da37060f15bb761735989 1.0 MiB linux/amd64 io.cri-containerd.image=managed,io.demystify.stand-in=true
registry.k8s.io/pause:3.9                application/vnd.oci.image.manifest.v1+json sha256:76700a70d51a524664adb0328925710122029b68624da98d3b1dd66298b60113 1.0 MiB linux/amd64 -
`;

function fakeCtr(outputs: Record<string, { exitCode?: number; stdout?: string; stderr?: string }>) {
  const calls: string[][] = [];
  const run: RunCommand = async (_file, args) => {
    calls.push([...args]);
    const key = args.filter((arg, index) => index > 1 && !(args[index - 1] === '-n') && arg !== '-n').join(' ');
    const output = outputs[key] ?? { exitCode: 1, stderr: `unexpected ${key}` };
    return { exitCode: output.exitCode ?? 0, stdout: output.stdout ?? '', stderr: output.stderr ?? '', timedOut: false, spawnFailed: false };
  };
  return { ctr: createCtrClient({ address: '/tmp/c.sock', run }), calls };
}

describe('createCtrClient', () => {
  it('talks to the given socket and namespace', async () => {
    const { ctr, calls } = fakeCtr({ 'images ls': { stdout: IMAGES } });
    await ctr.listImages('k8s.io');
    expect(calls[0]).toEqual(['--address', '/tmp/c.sock', '-n', 'k8s.io', 'images', 'ls']);
  });

  it('reads image names and labels from the first and last columns', async () => {
    const { ctr } = fakeCtr({ 'images ls': { stdout: IMAGES } });
    expect(await ctr.listImages('k8s.io')).toEqual([
      { ref: 'docker.io/zwindler/vhelloworld:latest', labels: { 'io.cri-containerd.image': 'managed', 'io.demystify.stand-in': 'true' } },
      { ref: 'registry.k8s.io/pause:3.9', labels: {} },
    ]);
  });

  it('reads plugin status and tasks', async () => {
    const { ctr } = fakeCtr({
      'plugins ls': { stdout: 'TYPE ID PLATFORMS STATUS\nio.containerd.grpc.v1 cri linux/amd64 ok\nio.containerd.snapshotter.v1 btrfs linux/amd64 skip\n' },
      'tasks ls': { stdout: 'TASK PID STATUS\napp 4242 RUNNING\n' },
    });
    expect(await ctr.listPlugins()).toEqual([
      { type: 'io.containerd.grpc.v1', id: 'cri', status: 'ok' },
      { type: 'io.containerd.snapshotter.v1', id: 'btrfs', status: 'skip' },
    ]);
    expect(await ctr.listTasks('k8s.io')).toEqual([{ id: 'app', pid: 4242, status: 'RUNNING' }]);
  });

  it('names the failing command and its error when ctr exits non-zero', async () => {
    const { ctr } = fakeCtr({ 'images import /x.tar': { exitCode: 1, stderr: 'ctr: failed to import: not found\n' } });
    await expect(ctr.call(['images', 'import', '/x.tar'], { namespace: 'k8s.io' })).rejects.toThrow(
      '`ctr --address /tmp/c.sock -n k8s.io images import /x.tar` failed (exit 1): ctr: failed to import: not found.',
    );
  });
});
