import { describe, expect, it } from 'vitest';
import { createTerminalScreen, renderLinesHtml } from '../../../src/shared/terminal/index.ts';

describe('terminal screen', () => {
  it('keeps lines of text separated by CRLF or LF', () => {
    const screen = createTerminalScreen();
    screen.write('first line\r\nsecond');
    screen.write(' line\nthird\r\n');
    expect(screen.toText()).toBe('first line\nsecond line\nthird');
  });

  it('lets a carriage return overwrite a progress line so only its last state remains', () => {
    const screen = createTerminalScreen();
    screen.write('téléchargement  10%\r');
    screen.write('téléchargement  55%\rtéléchargement 100%\r\nfini\r\n');
    expect(screen.toText()).toBe('téléchargement 100%\nfini');
  });

  it('erases the rest of a line on ESC[K and moves the cursor up on ESC[A', () => {
    const screen = createTerminalScreen();
    screen.write('aaaaaa\r\nbbbbbb\r\n\x1b[2A\x1b[3Gxy\x1b[K\r\n');
    expect(screen.toText()).toBe('aaxy\nbbbbbb');
  });

  it('renders SGR colours as inline styles and escapes the text', () => {
    const screen = createTerminalScreen();
    screen.write('\x1b[1;32mREADY\x1b[0m <script>\x1b[38;5;196mred\x1b[38;2;1;2;3mrgb\x1b[m');
    const html = renderLinesHtml(screen.lines, screen.styles);
    expect(html).toContain('<span style="color:#7ee787;font-weight:bold">READY</span>');
    expect(html).toContain(' &lt;script&gt;');
    expect(html).toContain('color:rgb(255,0,0)">red</span>');
    expect(html).toContain('color:rgb(1,2,3)">rgb</span>');
    expect(html).not.toContain('<script>');
  });

  it('keeps an escape sequence split across two writes intact', () => {
    const screen = createTerminalScreen();
    screen.write('ok \x1b[3');
    screen.write('1mfail\x1b]0;title\x07ed\x1b[0m');
    expect(screen.toText()).toBe('ok failed');
    expect(renderLinesHtml(screen.lines, screen.styles)).toContain('color:#ff6b6b">failed</span>');
  });

  it('bounds the scrollback and counts the dropped lines', () => {
    const screen = createTerminalScreen({ maxLines: 100 });
    for (let i = 0; i < 1000; i++) screen.write(`line ${i}\r\n`);
    expect(screen.lines.length).toBeLessThanOrEqual(125);
    expect(screen.droppedLines + screen.lines.length).toBe(1001);
    expect(screen.toText().split('\n').at(-1)).toBe('line 999');
  });

  it('breaks one giant line so memory stays bounded', () => {
    const screen = createTerminalScreen({ maxLines: 50, maxLineLength: 1000 });
    screen.write('x'.repeat(1_000_000));
    expect(screen.lines.length).toBeLessThanOrEqual(63);
    expect(Math.max(...screen.lines.map((l) => l.length))).toBeLessThanOrEqual(1000);
  });

  it('reports the first changed line since the last look', () => {
    const screen = createTerminalScreen();
    screen.write('a\r\nb\r\nc');
    expect(screen.takeDirty()).toBe(0);
    expect(screen.takeDirty()).toBe(Number.POSITIVE_INFINITY);
    screen.write('\rC');
    expect(screen.takeDirty()).toBe(2);
  });
});
