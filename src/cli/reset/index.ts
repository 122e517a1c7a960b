// `demystify reset`'s parts: run records, the node, the steps' outputs, the report.
export { runReset } from './run-reset.ts';
export type { ResetOptions, ResetReport } from './run-reset.ts';
export { findContainerdRunIds, findLiveOwners, readStartTime } from './run-records.ts';
export type { LiveOwner } from './run-records.ts';
export { readTomlString, resetNode } from './reset-node.ts';
export type { NodeResetOptions, NodeResetReport } from './reset-node.ts';
export { removeBinaryLinks, removeStateDir, removeStepOutputs, STATE_DIR, TALK_STEP_OUTPUTS } from './step-outputs.ts';
export type { RemovalReport } from './step-outputs.ts';
export { renderList, renderResetReport, WRAP_COLUMNS } from './render-reset-report.ts';
