// The plugin through Marp Core (as the deck uses it): Marpit's slides, Marp's highlighter, the styles.
import { Marp } from '@marp-team/marp-core';
import { describe, expect, it } from 'vitest';
import type { DemoManifest } from '../../../src/shared/index.ts';
import { DEMO_BLOCK_CSS, demoPlugin } from '../../../src/plugin/index.ts';

const FRONT_MATTER = ['---', 'marp: true', 'theme: gaia', '---', ''];

function renderWithMarp(markdown: string, withPlugin = true): { html: string; css: string; manifest: DemoManifest | undefined } {
  let manifest: DemoManifest | undefined;
  const marp = new Marp({ html: true, emoji: { shortcode: true, unicode: false } });
  if (withPlugin) marp.use(demoPlugin, { deck: 'slides/deck.md', onManifest: (collected) => (manifest = collected) });
  const { html, css } = marp.render(markdown);
  return { html, css, manifest };
}

describe('demoPlugin through Marp', () => {
  it('leaves a deck without demos byte-identical (HTML and CSS)', () => {
    const deck = [...FRONT_MATTER, '# Titre', '', '```bash', 'echo "$HOME"', '```', '', '---', '', '## YAML', '', '```yaml', 'kind: Service', '```', '', '    code_block'].join('\n');
    const withPlugin = renderWithMarp(deck);
    const without = renderWithMarp(deck, false);
    expect(withPlugin.html).toBe(without.html);
    expect(withPlugin.css).toBe(without.css);
  });

  it('renders ordinary fences next to demos exactly as Marp does', () => {
    const fence = ['```yaml', 'apiVersion: apps/v1', 'kind: Deployment', '```'].join('\n');
    const withDemo = renderWithMarp([...FRONT_MATTER, '## D', '', '```demo a', 'echo a', '```', '', fence].join('\n')).html;
    const alone = renderWithMarp([...FRONT_MATTER, '## D', '', fence].join('\n'), false).html;
    const marpFence = /<pre is="marp-pre"[\s\S]*?<\/pre>/.exec(alone)?.[0];
    expect(marpFence).toContain('hljs-attr');
    expect(withDemo).toContain(marpFence);
  });

  it('numbers slides as Marpit splits them, front matter and headingDivider included', () => {
    const deck = [
      '---',
      'marp: true',
      'headingDivider: 2',
      '---',
      '',
      '# Un',
      '',
      '## Deux',
      '',
      '```demo deux',
      'echo 2',
      '```',
      '',
      '---',
      '',
      '## Quatre',
      '',
      '```demo quatre',
      'echo 4',
      '```',
    ].join('\n');
    const { manifest, html } = renderWithMarp(deck);
    expect(manifest?.demos.map((demo) => [demo.id, demo.slide, demo.title])).toEqual([
      ['deux', 2, 'Deux'],
      ['quatre', 4, 'Quatre'],
    ]);
    expect(html.match(/<svg data-marpit-svg/g)).toHaveLength(4);
  });

  it('highlights the command as shell with Marp’s highlight.js, after the prompt', () => {
    const { html } = renderWithMarp([...FRONT_MATTER, '```demo keys root', 'bin/etcdctl get / --prefix --keys-only | head -5 # "quoted"', '```'].join('\n'));
    expect(html).toMatch(
      /<pre class="demystify-demo__command"><code class="language-bash"><span class="demystify-demo__prompt" aria-hidden="true"># <\/span>bin\/etcdctl get \/ --prefix --keys-only \| <span class="hljs-built_in">head<\/span> -5 <span class="hljs-comment"># &quot;quoted&quot;<\/span>\n<\/code><\/pre>/,
    );
    expect(html).not.toContain('is="marp-pre"');
  });

  it('adds the block styles, scoped to slides, before the deck’s own <style> so the deck can override them', () => {
    const { css } = renderWithMarp([...FRONT_MATTER, '<style>', '.demystify-demo { font-size: 0.5em; }', '</style>', '', '```demo a', 'true', '```'].join('\n'));
    const ours = css.indexOf('.demystify-demo__output{');
    const deckOverride = css.indexOf('.demystify-demo{font-size:0.5em}');
    expect(ours).toBeGreaterThan(0);
    expect(deckOverride).toBeGreaterThan(ours);
    expect(css).toContain('section .demystify-demo__output:empty::before{content:attr(data-demo-placeholder)');
    expect(DEMO_BLOCK_CSS).toContain('@media print');
  });

  it('renders the same manifest on every render of one instance, and fails each time on a broken deck', () => {
    const marp = new Marp().use(demoPlugin, {});
    expect(() => marp.render('```demo a needs=b\ntrue\n```')).toThrow(/Slide 1, demo "a": Expected needs= to name demos defined in the deck, got unknown "b"/);
    expect(() => marp.render('```demo a needs=b\ntrue\n```')).toThrow(/unknown "b"/);
    expect(marp.render('```demo a\ntrue\n```').html).toContain('data-demo-id="a"');
  });
});
