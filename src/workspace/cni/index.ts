export { renderBridgeConflist, createBridgeConflist, parseCniConflist, validatePodCidr, POD_CIDR, CNI_BRIDGE, CNI_NETWORK_NAME } from './cni-conflist.ts';
export type { CniConflist, CniPluginConf, BridgeConflistOptions } from './cni-conflist.ts';
export { execCniConflist, parsePodIp, CNI_PLUGIN_TIMEOUT_MS } from './cni-exec.ts';
export type { CniCommand, CniResult, ExecCniConflistOptions } from './cni-exec.ts';
