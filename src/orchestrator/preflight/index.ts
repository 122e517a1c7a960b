export { ensureNeeds } from './ensure-needs.ts';
export type { NeedsContext } from './ensure-needs.ts';
export { ensurePortsFree, PORT_RELEASE_TIMEOUT_MS } from './ensure-ports-free.ts';
export type { PortsContext, PortsResult } from './ensure-ports-free.ts';
export { createLaunchPlan } from './create-launch-plan.ts';
export type { LaunchPlanContext } from './create-launch-plan.ts';
