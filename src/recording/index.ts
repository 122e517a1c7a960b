// Recording: asciicast v2 write (a tee of the live events), read (strict header, tolerant
// events, bounded memory), replay (original timing, speed, idle cap, pauses at markers) and
// the final screen for exports.

export { CAST_VERSION, CAST_META_KEY, CAST_FILE_EXTENSION, RECORD_COMMAND } from './cast-types.ts';
export type { Cast, CastEvent, CastEventCode, CastHeader, CastMeta } from './cast-types.ts';
export { READY_MARKER, renderExitMarker, parseExitMarker, parseCastExitStatus } from './cast-exit-status.ts';
export type { CastExitStatus } from './cast-exit-status.ts';
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
export { createReplay, MAX_MERGED_OUTPUT_CHARS } from './cast-replay.ts';
export type { Replay, ReplayOptions, ReplayResult, ReplayStatus } from './cast-replay.ts';
export { createReplayTimeline } from './replay-timeline.ts';
export { systemReplayClock, createManualReplayClock } from './replay-clock.ts';
export type { ReplayClock, ManualReplayClock } from './replay-clock.ts';
export { renderCastFinalScreen, DEFAULT_FINAL_SCREEN_LINES } from './render-cast-final-screen.ts';
export type { FinalScreen, FinalScreenOptions } from './render-cast-final-screen.ts';
export { createReplayService, DEFAULT_REPLAY_IDLE_CAP_S } from './replay-service.ts';
export type { ReplayService, ReplayServiceOptions } from './replay-service.ts';
export { createRunRecorder } from './run-recorder.ts';
export type { RunRecorder, RunRecorderOptions } from './run-recorder.ts';
