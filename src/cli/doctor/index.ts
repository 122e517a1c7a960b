// The doctor's door: checks as small values, the runner and the table.
export type { DoctorCheck, DoctorRow, DoctorStatus, DoctorSystem } from './doctor-check.ts';
export { createBinariesCheck, createBinaryRow } from './binaries-check.ts';
export { createPrivilegesCheck } from './privileges-check.ts';
export { TALK_PORTS, createPortsCheck } from './ports-check.ts';
export { findSocketHolders, parseProcNetTcp, readListeningSockets } from './port-holders.ts';
export type { ListeningSocket, PortHolder } from './port-holders.ts';
export { createCgroupsCheck, detectCgroupVersion, isSystemdRunning } from './cgroups-check.ts';
export type { CgroupVersion } from './cgroups-check.ts';
export { createKernelCheck, hasBridgeNetfilter, hasOverlayFilesystem } from './kernel-check.ts';
export { CAP_SYS_RESOURCE, createCapabilitiesCheck, hasCapability } from './capabilities-check.ts';
export { DEFAULT_CHROMIUM_PATH, createChromiumCheck, createIptablesCheck } from './tools-check.ts';
export { createDoctorChecks, createDoctorSystem, runDoctor } from './run-doctor.ts';
export type { DoctorReport } from './run-doctor.ts';
export { renderDoctorReport, renderDoctorRow } from './render-doctor-report.ts';
