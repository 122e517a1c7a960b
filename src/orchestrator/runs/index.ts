export { createRun, LAST_LINES } from './create-run.ts';
export type { Run, RunSettings } from './create-run.ts';
export type { LaunchPlan, LaunchedProcess } from './launch-run-process.ts';
export { createIdleSnapshot, isLiveState } from './run-view.ts';
export type { RunStatus, RunView } from './run-view.ts';
export { decideEnding } from './decide-ending.ts';
export type { EndingInput } from './decide-ending.ts';
export { createDeferred } from './create-deferred.ts';
export type { Deferred } from './create-deferred.ts';
