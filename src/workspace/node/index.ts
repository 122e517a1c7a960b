export { detectNodeFacts, normalizeArch, parseCapabilityMask, hasCapability, CNI_REQUIRED_PLUGINS, SYSTEM_CNI_BIN_DIRS } from './node-facts.ts';
export type { NodeFacts, NodeArch, DetectNodeFactsOptions } from './node-facts.ts';
export { cleanupNode, TASK_STOP_TIMEOUT_MS } from './cleanup-node.ts';
export type { CleanupNodeOptions, CleanupNodeReport } from './cleanup-node.ts';
export { listMountsUnder, parseMountPoints, selectMountsUnder, decodeMountPath } from './mount-table.ts';
export { isAnyContainerdRunning, isContainerdComm, isShimOf, listProcesses, listShimsOf } from './process-table.ts';
export type { ProcessEntry } from './process-table.ts';
