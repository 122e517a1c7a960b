// Wraps the previous `fence` renderer: ordinary fences go straight through (byte-identical), demo
// fences get their command rendered by that same previous rule as `bash` (so Marp's highlight.js
// colours it) and placed inside the demo block markup.
import type { Renderer, RendererRule, Token } from 'markdown-it';
import { renderDemoBlock } from './demo-block-markup.ts';
import type { EscapeHtml } from './demo-block-markup.ts';
import { readDemoFenceMeta } from './demo-fence-rule.ts';

const CODE_IN_PRE = /<code[^>]*>([\s\S]*)<\/code>\s*<\/pre>\s*$/;

export function createDemoFenceRenderer(previous: RendererRule | undefined, escapeHtml: EscapeHtml): RendererRule {
  const fallback: RendererRule = (tokens, idx, options, _env, self: Renderer) => self.renderToken(tokens, idx, options);
  const renderFence = previous ?? fallback;
  return (tokens, idx, options, env, self) => {
    const token = tokens[idx] as Token;
    const meta = readDemoFenceMeta(token.meta);
    if (meta === undefined) return renderFence(tokens, idx, options, env, self);
    const { command } = meta.definition;
    const commandToken: Token = Object.assign(Object.create(Object.getPrototypeOf(token) as object) as Token, token, {
      info: 'bash',
      content: `${command}\n`,
      attrs: null,
      meta: null,
    });
    const list = tokens.slice();
    list[idx] = commandToken;
    const highlighted = CODE_IN_PRE.exec(renderFence(list, idx, options, env, self))?.[1] ?? escapeHtml(`${command}\n`);
    return renderDemoBlock(meta.definition, highlighted, escapeHtml);
  };
}
