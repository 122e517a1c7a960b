import { describe, expect, it } from 'vitest';
import { parseCniConflist, renderBridgeConflist } from '../../../src/workspace/index.ts';

describe('renderBridgeConflist', () => {
  it('renders the single-node bridge network of kube-stack.md: cni0 gateway with masquerade and hairpin, host-local on the pod range, portmap', () => {
    const conflist = JSON.parse(renderBridgeConflist({ podCidr: '10.244.0.0/24', dataDir: '/ws/cni/ipam' }));
    expect(conflist).toEqual({
      cniVersion: '1.0.0',
      name: 'demystifions',
      plugins: [
        {
          type: 'bridge',
          bridge: 'cni0',
          isGateway: true,
          ipMasq: true,
          hairpinMode: true,
          ipam: { type: 'host-local', dataDir: '/ws/cni/ipam', ranges: [[{ subnet: '10.244.0.0/24' }]], routes: [{ dst: '0.0.0.0/0' }] },
        },
        { type: 'portmap', capabilities: { portMappings: true } },
      ],
    });
  });

  it('leaves loopback out, because containerd sets up lo itself', () => {
    expect(renderBridgeConflist()).not.toContain('loopback');
  });

  it('rejects a pod range that is not an IPv4 CIDR', () => {
    expect(() => renderBridgeConflist({ podCidr: '10.244.0.0' })).toThrow(/Expected an IPv4 pod range/);
    expect(() => renderBridgeConflist({ podCidr: '10.300.0.0/24' })).toThrow(/Expected an IPv4 pod range/);
  });
});

describe('parseCniConflist', () => {
  it('reads back what renderBridgeConflist writes', () => {
    expect(parseCniConflist(renderBridgeConflist()).plugins.map((plugin) => plugin.type)).toEqual(['bridge', 'portmap']);
  });

  it('rejects a plugin type that could name a path outside the plugin directory', () => {
    expect(() => parseCniConflist('{"cniVersion":"1.0.0","name":"x","plugins":[{"type":"../../bin/sh"}]}')).toThrow(/Expected conflist to have/);
  });
});
