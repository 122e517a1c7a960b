// The orchestrator's door: runs demo steps (processes, probes, dependencies, privileges).
export { createOrchestrator, DEFAULT_COLS, DEFAULT_ROWS } from './create-orchestrator.ts';
export type { Orchestrator, OrchestratorOptions, RunOptions } from './orchestrator.ts';
export { stageMessages, probeMessages, formatDuration } from './stage-messages.ts';
export { createProbe, createHttpProbe, createTcpProbe, createSocketProbe, createLogProbe, createCommandProbe, createAllProbe, waitForProbe } from './probes/index.ts';
export type { Probe, ProbeContext, ProbeResult, ProbeOutcome } from './probes/index.ts';
export { spawnPty, reapOrphans, createPidRegistry, findPortHolders, isPortFree, validateBinary, resolveExecutable, checkSudo, GRACE_MS } from './processes/index.ts';
export { readProcessInfo, readProcessCpuSeconds, readProcessEnvironValue, PROC_ROOT, RUN_ID_ENV } from './processes/index.ts';
export type { SpawnPty, SpawnPtyOptions, PtyProcess, ReapedRun, RunRecord, PortHolder, SudoStatus } from './processes/index.ts';
export { OUTPUT_FLUSH_BYTES, OUTPUT_LIMIT_BYTES, stripTerminalCodes } from './output/index.ts';
