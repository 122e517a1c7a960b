// The single-node network of the offline talk: a `cni0` bridge that is the pods' gateway,
// host-local addresses from the node's pod range, and portmap for hostPorts. containerd sets up
// the loopback interface itself, so the list does not carry `loopback`.
import { DemystifyError } from '../../shared/index.ts';

/** The first node's range when the controller-manager runs with --cluster-cidr=10.244.0.0/16. */
export const POD_CIDR = '10.244.0.0/24';
export const CNI_BRIDGE = 'cni0';
export const CNI_NETWORK_NAME = 'demystifions';

export type CniPluginConf = { type: string; [key: string]: unknown };
export type CniConflist = { cniVersion: string; name: string; plugins: CniPluginConf[] };

export type BridgeConflistOptions = {
  podCidr?: string;
  /** host-local's allocation store; default /var/lib/cni/networks. */
  dataDir?: string;
  bridge?: string;
  name?: string;
};

const IPV4_CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

export function validatePodCidr(podCidr: string): string {
  const match = IPV4_CIDR.exec(podCidr);
  const octets = match?.slice(1, 5).map(Number) ?? [];
  const prefix = Number(match?.[5]);
  if (!match || octets.some((octet) => octet > 255) || prefix < 8 || prefix > 30) {
    throw new DemystifyError('BAD_INPUT', `Expected an IPv4 pod range such as ${POD_CIDR} (prefix 8 to 30), got "${podCidr}".`);
  }
  return podCidr;
}

export function createBridgeConflist(options: BridgeConflistOptions = {}): CniConflist {
  const { podCidr = POD_CIDR, dataDir, bridge = CNI_BRIDGE, name = CNI_NETWORK_NAME } = options;
  return {
    cniVersion: '1.0.0',
    name,
    plugins: [
      {
        type: 'bridge',
        bridge,
        isGateway: true,
        ipMasq: true,
        hairpinMode: true,
        ipam: {
          type: 'host-local',
          ...(dataDir === undefined ? {} : { dataDir }),
          ranges: [[{ subnet: validatePodCidr(podCidr) }]],
          routes: [{ dst: '0.0.0.0/0' }],
        },
      },
      { type: 'portmap', capabilities: { portMappings: true } },
    ],
  };
}

export function renderBridgeConflist(options: BridgeConflistOptions = {}): string {
  return `${JSON.stringify(createBridgeConflist(options), null, 2)}\n`;
}

export function parseCniConflist(text: string, source = 'conflist'): CniConflist {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DemystifyError('BAD_INPUT', `Expected ${source} to be JSON, got a parse error: ${(error as Error).message}.`, { cause: error });
  }
  const list = value as Partial<CniConflist>;
  const valid =
    typeof list.cniVersion === 'string' &&
    typeof list.name === 'string' &&
    Array.isArray(list.plugins) &&
    list.plugins.length > 0 &&
    list.plugins.every((plugin) => typeof plugin?.type === 'string' && /^[\w.-]+$/.test(plugin.type));
  if (!valid) {
    throw new DemystifyError('BAD_INPUT', `Expected ${source} to have cniVersion, name and plugins[] each with a "type", got ${text.slice(0, 120)}.`);
  }
  return list as CniConflist;
}
