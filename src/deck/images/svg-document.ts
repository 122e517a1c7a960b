// The envelope every generated image shares: a standalone SVG with a viewBox, an intrinsic
// size (Marp shows `![center](x.svg)` at that size), an accessible title, and nothing external.

export interface SvgDocumentOptions {
  width: number;
  height: number;
  /** Accessible name (`<title>`), also what a screen reader says for the slide image. */
  title: string;
  /** Markup inside the root element. */
  body: string;
  /** Intrinsic size = viewBox × scale (what `![center](x.svg)` shows without a width). */
  scale?: number;
  /** Extra comment put right after the root tag (e.g. the placeholder marker). */
  comment?: string;
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char);
}

/**
 * Code text with its spaces kept: SVG collapses runs of spaces (and Chromium ignores
 * xml:space="preserve"), so spaces become no-break spaces, which a monospace font draws
 * with the same advance.
 */
export function escapeCodeText(text: string): string {
  return escapeXml(text).replace(/ /g, '\u00a0');
}

/** Numbers in attributes: at most two decimals, no trailing zeros, so output is stable. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export function renderSvgDocument(options: SvgDocumentOptions): string {
  const { width, height, title, body, comment, scale = 1 } = options;
  const size = `width="${formatNumber(width * scale)}" height="${formatNumber(height * scale)}"`;
  const viewBox = `viewBox="0 0 ${formatNumber(width)} ${formatNumber(height)}"`;
  const lines = [
    `<svg xmlns="http://www.w3.org/2000/svg" ${viewBox} ${size} role="img">`,
    ...(comment === undefined ? [] : [`<!-- ${comment.replace(/--/g, '- -')} -->`]),
    `<title>${escapeXml(title)}</title>`,
    body,
    '</svg>',
    '',
  ];
  return lines.join('\n');
}
