// The rehearsal report the speaker reads in the terminal: one row per step (time to ready or to
// exit, how it ended, the recording it left), then what was skipped or not reached.
import type { CastRecordingResult } from '../../recording/index.ts';
import type { StepResult } from './run-rehearsal.ts';

export interface RehearsalReport {
  results: readonly StepResult[];
  /** Demo id → the recording its run saved (committed) or dropped (undefined). */
  recordings: ReadonlyMap<string, CastRecordingResult | undefined>;
  /** Planned steps never started (after a failure or Ctrl-C). */
  notRun: readonly string[];
  skipped: readonly string[];
  /** Shows recording paths relative to the project. */
  showPath: (path: string) => string;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export function renderStepEnding(result: StepResult): string {
  if (result.ok) return result.kind === 'daemon' ? 'ready' : `exit ${result.exitCode ?? 0}`;
  const how = result.signal ? `signal ${result.signal}` : result.exitCode !== undefined ? `exit ${result.exitCode}` : result.state;
  return result.code ? `${how} (${result.code})` : how;
}

function renderRecording(result: StepResult, recordings: RehearsalReport['recordings'], showPath: (path: string) => string): string {
  const saved = recordings.get(result.id);
  if (saved?.committed) return `${showPath(saved.path)} (${formatBytes(saved.bytes)})${saved.truncated ? ' truncated' : ''}`;
  return result.ok ? 'not saved' : 'not replaced (failed run)';
}

export function renderRehearsalTable({ results, recordings, notRun, skipped, showPath }: RehearsalReport): string {
  const rows = results.map((result) => [
    `${result.ok ? '✔' : '✘'} ${result.id}${result.reason === 'needed' ? ' (needed)' : ''}`,
    result.kind,
    `${result.seconds.toFixed(2)} s`,
    renderStepEnding(result),
    renderRecording(result, recordings, showPath),
  ]);
  const header = ['STEP', 'KIND', 'TIME', 'RESULT', 'RECORDING'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]): string => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ');
  const total = results.reduce((sum, result) => sum + result.seconds, 0);
  return [
    line(header),
    ...rows.map(line),
    '',
    `${results.filter((result) => result.ok).length}/${results.length + notRun.length} steps ended well in ${total.toFixed(2)} s (TIME: to ready for a daemon, to exit for a command).`,
    ...(notRun.length > 0 ? [`Not run: ${notRun.join(', ')}.`] : []),
    ...(skipped.length > 0 ? [`Skipped (online, add --online): ${skipped.join(', ')}.`] : []),
  ].join('\n');
}
