// The deck's recordings, ready for the exports: for each demo that has a usable
// `<recordings>/<id>.cast`, the recording itself (the standalone page replays it) and its recorded
// outcome drawn by the shared terminal model (src/shared/terminal: the same model the live panel
// draws from, so live, replay and export show the same screen). A daemon shows its screen at
// `ready`, as its replay holds there. A missing recording leaves the block's "live demo" area; an
// unusable one does too, with a warning naming the file and the command that re-records it.
import { readCast, resolveCastPath } from '../recording/index.ts';
import { isDemystifyError, selectHoldMarkers, selectRecordedOutcome } from '../shared/index.ts';
import type { Cast, DemoManifest, RecordedOutcome } from '../shared/index.ts';
import { createTerminalScreen, renderLinesHtml } from '../shared/terminal/index.ts';

/** Lines of a recorded screen put in an export (the block shows the last ones that fit). */
export const RECORDED_SCREEN_LINES = 60;
/** Output kept per recording in an export (its beginning: what a replay plays first). */
export const EMBEDDED_CAST_BYTES = 2 * 1024 * 1024;

export interface RecordedDemo {
  id: string;
  cast: Cast;
  outcome: RecordedOutcome;
  /** `<div class="demystify-term__line">…</div>` per line, colours as inline styles. */
  screenHtml: string;
  /** The same lines as plain text. */
  screenText: string;
}

export interface RecordedDemos {
  demos: Map<string, RecordedDemo>;
  warnings: string[];
}

export async function loadRecordedDemos(manifest: DemoManifest, recordingsDir: string): Promise<RecordedDemos> {
  const demos = new Map<string, RecordedDemo>();
  const warnings: string[] = [];
  for (const demo of manifest.demos) {
    if (demos.has(demo.id)) continue;
    let cast: Cast;
    try {
      cast = await readCast(resolveCastPath(recordingsDir, demo.id), { keep: 'head', maxBytes: EMBEDDED_CAST_BYTES });
    } catch (error) {
      if (isDemystifyError(error) && error.code === 'RECORDING_MISSING') continue;
      warnings.push(error instanceof Error ? error.message : String(error));
      continue;
    }
    const outcome = selectRecordedOutcome(cast, selectHoldMarkers(demo.kind));
    demos.set(demo.id, { id: demo.id, cast, outcome, ...renderRecordedScreen(outcome.output, cast.header.height) });
  }
  return { demos, warnings };
}

/** The last RECORDED_SCREEN_LINES lines of `output` as the terminal model draws them. */
export function renderRecordedScreen(output: string, rows: number): { screenHtml: string; screenText: string } {
  const screen = createTerminalScreen({ rows });
  screen.write(output);
  const lines = screen.toText().split('\n');
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  return {
    screenHtml: renderLinesHtml(screen.lines, screen.styles, RECORDED_SCREEN_LINES),
    screenText: lines.slice(-RECORDED_SCREEN_LINES).join('\n'),
  };
}
