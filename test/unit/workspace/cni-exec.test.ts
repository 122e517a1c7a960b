import { describe, expect, it } from 'vitest';
import { createBridgeConflist, execCniConflist, parsePodIp, type CommandResult, type RunCommand } from '../../../src/workspace/index.ts';

type Call = { file: string; args: readonly string[]; conf: Record<string, unknown>; env: Record<string, string> };

function recordingRunner(outputs: Record<string, Partial<CommandResult>>): { run: RunCommand; calls: Call[] } {
  const calls: Call[] = [];
  const run: RunCommand = async (file, args, options = {}) => {
    const conf = JSON.parse(String(options.input)) as Record<string, unknown>;
    calls.push({ file, args, conf, env: options.env ?? {} });
    const output = outputs[String(conf.type)] ?? {};
    return { exitCode: 0, stdout: '', stderr: '', timedOut: false, spawnFailed: false, ...output };
  };
  return { run, calls };
}

const BRIDGE_RESULT = { cniVersion: '1.0.0', interfaces: [{ name: 'eth0', sandbox: '/run/netns/p' }], ips: [{ address: '10.244.0.2/24', gateway: '10.244.0.1', interface: 0 }] };
const PORTMAP_RESULT = { ...BRIDGE_RESULT, dns: {} };

describe('execCniConflist', () => {
  it('runs ADD in list order, handing each plugin the previous result, and returns the last result', async () => {
    const { run, calls } = recordingRunner({ bridge: { stdout: JSON.stringify(BRIDGE_RESULT) }, portmap: { stdout: JSON.stringify(PORTMAP_RESULT) } });
    const result = await execCniConflist({ command: 'ADD', conflist: createBridgeConflist(), containerId: 'c1', netnsPath: '/run/netns/p', binDir: '/usr/lib/cni', run });
    expect(calls.map((call) => call.file)).toEqual(['/usr/lib/cni/bridge', '/usr/lib/cni/portmap']);
    expect(calls[0]!.conf.prevResult).toBeUndefined();
    expect(calls[1]!.conf.prevResult).toEqual(BRIDGE_RESULT);
    expect(calls[1]!.conf).toMatchObject({ name: 'demystifions', cniVersion: '1.0.0' });
    expect(calls[0]!.env).toMatchObject({ CNI_COMMAND: 'ADD', CNI_CONTAINERID: 'c1', CNI_NETNS: '/run/netns/p', CNI_IFNAME: 'eth0', CNI_PATH: '/usr/lib/cni' });
    expect(result).toEqual(PORTMAP_RESULT);
    expect(parsePodIp(result)).toBe('10.244.0.2');
  });

  it('runs DEL in reverse order and returns nothing', async () => {
    const { run, calls } = recordingRunner({});
    const result = await execCniConflist({ command: 'DEL', conflist: createBridgeConflist(), containerId: 'c1', netnsPath: '/run/netns/p', binDir: '/b', run });
    expect(calls.map((call) => call.file)).toEqual(['/b/portmap', '/b/bridge']);
    expect(result).toBeUndefined();
  });

  it('runs the plugins inside the runtime network namespace when one is given', async () => {
    const { run, calls } = recordingRunner({ bridge: { stdout: JSON.stringify(BRIDGE_RESULT) } });
    await execCniConflist({ command: 'ADD', conflist: createBridgeConflist(), containerId: 'c1', netnsPath: '/run/netns/p', binDir: '/b', runtimeNetns: '/run/netns/node', run });
    expect(calls[0]).toMatchObject({ file: 'nsenter', args: ['--net=/run/netns/node', '/b/bridge'] });
  });

  it('passes capability arguments only to plugins that declare the capability', async () => {
    const { run, calls } = recordingRunner({});
    const portMappings = [{ hostPort: 8080, containerPort: 8081, protocol: 'tcp' }];
    await execCniConflist({ command: 'DEL', conflist: createBridgeConflist(), containerId: 'c1', netnsPath: '/n', binDir: '/b', capabilityArgs: { portMappings }, run });
    expect(calls.find((call) => call.conf.type === 'portmap')!.conf.runtimeConfig).toEqual({ portMappings });
    expect(calls.find((call) => call.conf.type === 'bridge')!.conf.runtimeConfig).toBeUndefined();
  });

  it('stops at a failing plugin with its CNI error message', async () => {
    const { run, calls } = recordingRunner({ bridge: { exitCode: 1, stdout: '{"code":11,"msg":"failed to set bridge addr","details":"could not add IP address to \\"cni0\\": permission denied"}' } });
    await expect(
      execCniConflist({ command: 'ADD', conflist: createBridgeConflist(), containerId: 'c1', netnsPath: '/n', binDir: '/b', run }),
    ).rejects.toThrow(/CNI plugin "bridge" failed on ADD for c1 \(exit 1\): failed to set bridge addr: could not add IP address/);
    expect(calls).toHaveLength(1);
  });
});
