export { DEMO_ID_PATTERN, isDemoId, DEFAULT_COMMAND_TIMEOUT_MS, DEFAULT_READY_TIMEOUT_MS } from './demo.ts';
export type { DemoKind, ProbeSpec, DemoDefinition, DemoManifest } from './demo.ts';
export { DEMO_STATES } from './events.ts';
export type { DemoState, RunSource, OutputEvent, MarkerEvent, StateEvent, DemoEvent, DemoSnapshot } from './events.ts';
export { DemystifyError, isDemystifyError } from './errors.ts';
export type { DemystifyErrorCode } from './errors.ts';
export { API_PATHS, DEMO_ACTIONS, TOKEN_PARAM } from './protocol.ts';
export type { ServerMode, SnapshotMessage, ReloadMessage, StreamMessage, DemoAction, DemoActionRequest, ApiErrorBody, StateResponse } from './protocol.ts';
export { STATE_LABELS } from './wording.ts';
