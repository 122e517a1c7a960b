// Puts recorded outcomes into rendered deck HTML (the PDF's and the standalone page's): each demo
// block with a recording gets its screen in its output area (from the top when it fits, else its
// last lines that fit: the oldest are clipped, never the block), a caption with the recording date, its state attribute and a
// status pill saying it is a recording. Blocks without recording keep their "live demo" area.
import { REPLAY_WORDING, renderEmbeddedRecordings } from '../shared/index.ts';
import { escapeHtml } from '../shared/terminal/index.ts';
import type { RecordedDemo } from './recorded-demos.ts';

/** A demo block of the plugin's markup, up to its (empty) output area. */
const DEMO_BLOCK = /<div class="demystify-demo" data-demo-id="([^"]+)"([^>]*)>([\s\S]*?)(<div class="demystify-demo__output"[^>]*\bdata-demo-output\b[^>]*>)<\/div>/g;
const STATUS = /(<span class="demystify-demo__status" data-demo-status>)[^<]*(<\/span>)/;

/** Theme-independent, like the block's own CSS; only blocks holding a recorded screen match. */
export const RECORDED_SCREEN_CSS = `
.demystify-demo__output:has(> .demystify-recorded) { position: relative; display: block; overflow: hidden; }
.demystify-recorded {
  max-height: 100%; display: flex; flex-direction: column; justify-content: flex-end; overflow: hidden;
  white-space: pre-wrap; overflow-wrap: anywhere;
}
.demystify-recorded .demystify-term__line { flex: 0 0 auto; min-height: 1.3em; }
.demystify-recorded__caption {
  position: absolute; top: 0; right: 0; z-index: 1; padding: 0.1em 0.6em; border-bottom-left-radius: 0.4em;
  font-family: "DejaVu Sans", system-ui, sans-serif; font-size: 0.8em; font-style: italic; color: #d2a8ff; background: #161b22;
}
`;

export function renderRecordedScreenHtml(demo: RecordedDemo): string {
  const { recordedAt } = demo.outcome;
  const when = recordedAt === undefined ? '' : ` data-demystify-recorded-at="${new Date(recordedAt).toISOString()}"`;
  return (
    `<div class="demystify-recorded__caption">${escapeHtml(REPLAY_WORDING.caption(recordedAt))}</div>` +
    `<div class="demystify-recorded"${when}>${demo.screenHtml}</div>`
  );
}

/** Returns the HTML with every recorded block filled; `filled` lists the ids it filled. */
export function inlineRecordedScreens(html: string, demos: ReadonlyMap<string, RecordedDemo>): { html: string; filled: string[] } {
  const filled = new Set<string>();
  const result = html.replace(DEMO_BLOCK, (whole, id: string, attributes: string, inner: string, output: string) => {
    const demo = demos.get(id);
    if (!demo) return whole;
    filled.add(id);
    const { state, recordedAt } = demo.outcome;
    const marked = `${attributes.replace(/\sdata-demo-state="[^"]*"/, ` data-demo-state="${state}"`)} data-demo-source="replay"`;
    const status = inner.replace(STATUS, (_match, open: string, close: string) => `${open}${escapeHtml(REPLAY_WORDING.badge(recordedAt))}${close}`);
    return `<div class="demystify-demo" data-demo-id="${id}"${marked}>${status}${output}${renderRecordedScreenHtml(demo)}</div>`;
  });
  return { html: result, filled: [...filled] };
}

/** Adds the recorded-screen CSS to a page's <head>. */
export function injectRecordedScreenCss(html: string): string {
  return html.replace(/<\/head>/i, `<style data-demystify-recorded>${RECORDED_SCREEN_CSS}</style></head>`);
}

/**
 * The standalone page with its recordings: screens in place, their CSS, and the recordings
 * themselves as JSON right before the client script, which replays them in the page.
 */
export function embedRecordings(html: string, demos: ReadonlyMap<string, RecordedDemo>): string {
  if (demos.size === 0) return html;
  const { html: filled } = inlineRecordedScreens(html, demos);
  const script = renderEmbeddedRecordings(new Map([...demos].map(([id, demo]) => [id, demo.cast])));
  const client = filled.lastIndexOf('<script data-demystify-client>');
  const at = client >= 0 ? client : filled.lastIndexOf('</body>');
  const withScript = at < 0 ? `${filled}${script}` : `${filled.slice(0, at)}${script}${filled.slice(at)}`;
  return injectRecordedScreenCss(withScript);
}
