// Finishing touches on the HTML Marp CLI wrote: the one client <script> before </body>, an empty
// inline favicon (a browser would otherwise ask the server or the disk for /favicon.ico), a clean title.

export const EMPTY_FAVICON = '<link rel="icon" href="data:,">';

/** Makes script text safe inside an inline <script> element. */
export function escapeInlineScript(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** Inserts `code` as ONE inline <script> right before </body>. */
export function injectClientScript(html: string, code: string): string {
  const end = html.lastIndexOf('</body>');
  const script = `<script data-demystify-client>${escapeInlineScript(code)}</script>`;
  return end < 0 ? `${html}${script}` : `${html.slice(0, end)}${script}${html.slice(end)}`;
}

/** Adds the empty favicon to <head> unless the page declares one. */
export function injectEmptyFavicon(html: string): string {
  if (/<link[^>]+rel="(?:shortcut )?icon"/i.test(html)) return html;
  return html.replace(/<head>/i, `<head>${EMPTY_FAVICON}`);
}

/** Marp titles the page with the first heading's Markdown: drop its images (`![…](…)`) and extra spaces. */
export function normalizeDeckTitle(html: string): string {
  return html.replace(/<title>([^<]*)<\/title>/i, (_match, title: string) => {
    const clean = title.replace(/!\[[^\]]*\]\([^)]*\)/g, '').replace(/\s+/g, ' ').trim();
    return `<title>${clean}</title>`;
  });
}

export function finishDeckPage(html: string, clientCode: string): string {
  return injectClientScript(injectEmptyFavicon(normalizeDeckTitle(html)), clientCode);
}
