// The demo block's markup (the DOM contract of notes/demo-syntax.md). Every text is escaped; the
// block carries data-demo-* attributes only, never a script or an event handler.
import type { DemoDefinition } from '../shared/index.ts';
import { BLOCK_WORDING } from './wording.ts';

export type EscapeHtml = (text: string) => string;

/**
 * @param commandHtml the command, already highlighted (or escaped) by the fence renderer.
 */
export function renderDemoBlock(definition: DemoDefinition, commandHtml: string, escapeHtml: EscapeHtml): string {
  const { id, kind, root, needs, title } = definition;
  const attr = (value: string): string => `"${escapeHtml(value)}"`;
  const stop =
    kind === 'daemon'
      ? `<button type="button" class="demystify-demo__stop" data-demo-action="stop" tabindex="-1" title=${attr(BLOCK_WORDING.stopHint)}>${escapeHtml(BLOCK_WORDING.stop)}</button>\n`
      : '';
  const prompt = root ? '#' : '$';
  return (
    `<div class="demystify-demo" data-demo-id=${attr(id)} data-demo-kind=${attr(kind)} data-demo-state="idle" ` +
    `data-demo-root=${attr(String(root))} data-demo-needs=${attr(needs.join(','))} data-demo-title=${attr(title)}>\n` +
    `<div class="demystify-demo__bar">\n` +
    `<button type="button" class="demystify-demo__run" data-demo-action="run" tabindex="-1" title=${attr(BLOCK_WORDING.runHint)}>${escapeHtml(BLOCK_WORDING.run)}</button>\n` +
    stop +
    `<span class="demystify-demo__status" data-demo-status>${escapeHtml(BLOCK_WORDING.idleStatus)}</span>\n` +
    `</div>\n` +
    `<pre class="demystify-demo__command"><code class="language-bash"><span class="demystify-demo__prompt" aria-hidden="true">${prompt} </span>${commandHtml}</code></pre>\n` +
    `<div class="demystify-demo__output" role="log" aria-live="polite" aria-label=${attr(BLOCK_WORDING.outputLabel(title))} ` +
    `data-demo-output data-demo-placeholder=${attr(BLOCK_WORDING.outputPlaceholder)}></div>\n` +
    `</div>\n`
  );
}
