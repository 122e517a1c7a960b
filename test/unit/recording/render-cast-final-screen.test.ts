import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Cast, parseCast, renderCastFinalScreen } from '../../../src/recording/index.ts';

const fixture = (name: string): Cast => parseCast(readFileSync(new URL(`../../fixtures/casts/${name}`, import.meta.url), 'utf8'));

function createOutputCast(data: string[], width = 40, height = 10): Cast {
  return { header: { version: 2, width, height }, events: data.map((chunk, index) => ({ t: index / 10, code: 'o', data: chunk })), warnings: [], trimmed: false };
}

describe('renderCastFinalScreen', () => {
  it('shows a progress bar drawn with \\r as its last state, in plain text and HTML', async () => {
    const screen = await renderCastFinalScreen(fixture('progress-bar.cast'));
    expect(screen.text).toBe('Downloading etcd\n[##########] 100%\n DONE  <ok> & "quoted"');
    expect(screen.text).not.toContain('90%');
    expect(screen.html).toContain('[##########] 100%');
    expect(screen.html).not.toContain('90%');
    expect(screen.lines).toBe(3);
  });

  it('keeps colours as inline styles and escapes the text', async () => {
    const { html } = await renderCastFinalScreen(fixture('progress-bar.cast'));
    expect(html).toMatch(/^<pre class="demystify-screen" data-demystify-cols="80">/);
    expect(html).toContain('<span style="color:var(--demystify-ansi-4, #3465a4)">Downloading</span> etcd');
    expect(html).toContain('<span style="color:var(--demystify-ansi-15, #eeeeec);background-color:var(--demystify-ansi-1, #cc0000)"> DONE </span>');
    expect(html).toContain(' &lt;ok&gt; &amp; &quot;quoted&quot;');
    expect(html).not.toContain('<ok>');
  });

  it('renders bold in bright colours, 256-colour and 24-bit colours, and inverse video', async () => {
    const { html } = await renderCastFinalScreen(
      createOutputCast(['\u001b[1;32mok\u001b[0m \u001b[38;5;208morange\u001b[0m \u001b[38;2;1;2;3mrgb\u001b[0m \u001b[7minv\u001b[0m\r\n']),
    );
    expect(html).toContain('<span style="color:var(--demystify-ansi-10, #8ae234);font-weight:bold">ok</span>');
    expect(html).toContain('<span style="color:#ff8700">orange</span>');
    expect(html).toContain('<span style="color:#010203">rgb</span>');
    expect(html).toContain('<span style="color:var(--demystify-term-bg, #000000);background-color:var(--demystify-term-fg, #ffffff)">inv</span>');
  });

  it('keeps only the last maxLines lines, scrolled text included', async () => {
    const lines = Array.from({ length: 100 }, (_, index) => `line ${index}\r\n`);
    const screen = await renderCastFinalScreen(createOutputCast(lines), { maxLines: 5 });
    expect(screen.text.split('\n')).toEqual(['line 95', 'line 96', 'line 97', 'line 98', 'line 99']);
    expect(screen.lines).toBe(5);
  });

  it('follows cursor moves and erases like a terminal', async () => {
    const screen = await renderCastFinalScreen(createOutputCast(['first\r\nsecond\r\n', '\u001b[2A\u001b[2Kreplaced\r\n']));
    expect(screen.text).toBe('replaced\nsecond');
  });

  it('renders an empty recording as an empty screen', async () => {
    const screen = await renderCastFinalScreen(createOutputCast([]));
    expect(screen).toEqual({ html: '<pre class="demystify-screen" data-demystify-cols="40"></pre>', text: '', lines: 0 });
  });
});
