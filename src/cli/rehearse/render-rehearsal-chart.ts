// The rehearsal's timings as a small SVG bar chart (dist/rehearsal.svg): one bar per step, its
// length the time to ready or to exit, green when it ended well, red when it failed.
import { escapeHtml } from '../../shared/terminal/index.ts';
import type { StepResult } from './run-rehearsal.ts';

const WIDTH_PX = 720;
const ROW_PX = 26;
const LABEL_PX = 190;
const VALUE_PX = 70;
const TOP_PX = 44;
const OK_COLOUR = '#2ea043';
const FAILED_COLOUR = '#da3633';

export function renderRehearsalChart(results: readonly StepResult[], title: string): string {
  const longest = Math.max(0.001, ...results.map((result) => result.seconds));
  const barSpace = WIDTH_PX - LABEL_PX - VALUE_PX - 20;
  const height = TOP_PX + results.length * ROW_PX + 16;
  const rows = results.map((result, index) => {
    const y = TOP_PX + index * ROW_PX;
    const width = Math.max(2, (result.seconds / longest) * barSpace);
    const colour = result.ok ? OK_COLOUR : FAILED_COLOUR;
    return (
      `<g data-step="${escapeHtml(result.id)}">` +
      `<text x="${LABEL_PX - 8}" y="${y + 17}" text-anchor="end">${escapeHtml(result.id)}</text>` +
      `<rect x="${LABEL_PX}" y="${y + 4}" width="${width.toFixed(1)}" height="${ROW_PX - 8}" rx="3" fill="${colour}"/>` +
      `<text x="${(LABEL_PX + width + 6).toFixed(1)}" y="${y + 17}">${result.seconds.toFixed(2)} s${result.ok ? '' : ' ✘'}</text>` +
      `</g>`
    );
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH_PX}" height="${height}" viewBox="0 0 ${WIDTH_PX} ${height}" font-family="DejaVu Sans, sans-serif" font-size="13">`,
    `<title>${escapeHtml(title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="12" y="26" font-size="16" font-weight="bold">${escapeHtml(title)}</text>`,
    ...rows,
    `</svg>`,
    '',
  ].join('\n');
}
