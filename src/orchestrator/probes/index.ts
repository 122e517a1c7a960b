export type { Probe, ProbeContext, ProbeOutput, ProbeResult } from './probe.ts';
export { createHttpProbe } from './http-probe.ts';
export { createTcpProbe, createSocketProbe } from './connect-probe.ts';
export { createLogProbe } from './log-probe.ts';
export { createCommandProbe } from './command-probe.ts';
export { createAllProbe } from './all-probe.ts';
export { createProbe } from './create-probe.ts';
export { waitForProbe, PROBE_INTERVAL_MS, PROBE_ATTEMPT_TIMEOUT_MS } from './wait-for-probe.ts';
export type { ProbeOutcome, WaitForProbeOptions } from './wait-for-probe.ts';
