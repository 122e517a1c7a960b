import { describe, expect, it } from 'vitest';
import { stripTerminalCodes } from '../../../../src/orchestrator/output/index.ts';

describe('stripTerminalCodes', () => {
  it('removes colour, cursor and title sequences', () => {
    expect(stripTerminalCodes('\u001b[1;32mok\u001b[0m \u001b[2K\u001b]0;title\u0007done')).toBe('ok done');
  });

  it('turns CRLF into LF and keeps the last rewrite of a progress line', () => {
    expect(stripTerminalCodes('a\r\n10%\r50%\r100%\r\nb\r')).toBe('a\n100%\nb');
  });
});
