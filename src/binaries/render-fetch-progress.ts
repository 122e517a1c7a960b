// Renders fetch events: a redrawn progress bar on a terminal, plain lines otherwise (CI, logs).
import type { DownloadProgress } from './download-file.ts';
import { describeArtifact } from './expected-hash.ts';
import type { FetchEvent, FetchEventListener } from './fetch-events.ts';

export const PROGRESS_REDRAW_INTERVAL_MS = 100;
export const PROGRESS_BAR_WIDTH = 24;

export interface FetchReporterOptions {
  stream: { write(text: string): unknown };
  isTTY: boolean;
  now?: () => number;
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

export function renderProgressBar({ receivedBytes, totalBytes }: DownloadProgress, width = PROGRESS_BAR_WIDTH): string {
  if (totalBytes === undefined || totalBytes === 0) return `${formatMegabytes(receivedBytes)}`;
  const ratio = Math.min(1, receivedBytes / totalBytes);
  const filled = Math.round(ratio * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}% ${formatMegabytes(receivedBytes)} / ${formatMegabytes(totalBytes)}`;
}

function renderLine(event: Exclude<FetchEvent, { kind: 'download-progress' }>): string {
  const what = describeArtifact(event.artifact);
  switch (event.kind) {
    case 'cached':
      return `✔ ${what}: already in the cache, verified (no download)`;
    case 'download-start':
      return `↓ ${what}: downloading ${event.url}`;
    case 'verified':
      return `✔ ${what}: ${event.expected.algorithm} ${event.expected.hash.slice(0, 16)}… verified (${event.expected.origin})`;
    case 'installed':
      return `✔ ${what}: installed ${event.executables.join(', ')}`;
    case 'failed':
      return `✘ ${what}: ${event.error.message}`;
  }
}

export function createFetchReporter({ stream, isTTY, now = Date.now }: FetchReporterOptions): FetchEventListener {
  let lastDraw = Number.NEGATIVE_INFINITY;
  let barShown = false;
  const clearBar = () => {
    if (barShown) stream.write('\r\x1b[2K');
    barShown = false;
  };
  return (event) => {
    if (event.kind === 'download-progress') {
      if (!isTTY) return;
      const done = event.progress.totalBytes !== undefined && event.progress.receivedBytes >= event.progress.totalBytes;
      if (!done && now() - lastDraw < PROGRESS_REDRAW_INTERVAL_MS) return;
      lastDraw = now();
      stream.write(`\r\x1b[2K  ${event.artifact.name} ${renderProgressBar(event.progress)}`);
      barShown = true;
      return;
    }
    clearBar();
    stream.write(`${renderLine(event)}\n`);
  };
}
