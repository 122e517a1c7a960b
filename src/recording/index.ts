// Recording: asciicast v2 write (a tee of the live events), read (strict header, tolerant
// events, bounded memory), replay (original timing, speed, idle cap, pauses at markers), the
// replay and live-fallback services. Exports draw recorded screens with src/shared/terminal.

// The format, the exit status and the replay engine are pure and live in src/shared (the standalone
// page replays with the very same code); they are re-exported here so Node code has one door.
export { CAST_VERSION, CAST_META_KEY, CAST_FILE_EXTENSION, RECORD_COMMAND } from '../shared/index.ts';
export type { Cast, CastEvent, CastEventCode, CastHeader, CastMeta } from '../shared/index.ts';
export { READY_MARKER, renderExitMarker, parseExitMarker, parseCastExitStatus, resolveCastEnding, readCastRecordedAt } from '../shared/index.ts';
export type { CastExitStatus, CastEnding } from '../shared/index.ts';
export { resolveCastPath } from './cast-path.ts';
export { nodeCastFileSystem } from './cast-file-system.ts';
export type { CastFileHandle, CastFileSystem } from './cast-file-system.ts';
export { createCastRecorder, DEFAULT_MAX_QUEUE_BYTES, DEFAULT_MAX_RECORDING_BYTES } from './cast-recorder.ts';
export type { CastRecorder, CastRecorderOptions, CastRecordingResult } from './cast-recorder.ts';
export { parseCast } from './parse-cast.ts';
export { readCast, DEFAULT_MAX_CAST_LINE_BYTES } from './read-cast.ts';
export type { ReadCastOptions } from './read-cast.ts';
export { DEFAULT_MAX_CAST_EVENTS, DEFAULT_MAX_CAST_BYTES } from './cast-parser.ts';
export type { CastParseOptions } from './cast-parser.ts';
export { createReplay, MAX_MERGED_OUTPUT_CHARS, createReplayTimeline, systemReplayClock, createManualReplayClock } from '../shared/index.ts';
export type { Replay, ReplayOptions, ReplayResult, ReplayStatus, ReplayClock, ManualReplayClock } from '../shared/index.ts';
export { createReplayService, DEFAULT_REPLAY_IDLE_CAP_S, DEFAULT_PAUSE_ON } from './replay-service.ts';
export type { ReplayService, ReplayServiceOptions } from './replay-service.ts';
export { createRunRecorder } from './run-recorder.ts';
export type { RunRecorder, RunRecorderOptions } from './run-recorder.ts';
export { createRecordingIndex, readRecordingStart } from './recording-index.ts';
export type { RecordingIndex } from './recording-index.ts';
export { createLiveFallbackService } from './live-fallback-service.ts';
export type { LiveDemoService, LiveFallbackService, LiveFallbackOptions } from './live-fallback-service.ts';
