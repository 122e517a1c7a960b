// Terminal output as a reader sees it, for regex probes and failure messages: no colour or cursor
// codes (CSI, OSC, other ESC sequences), CRLF as LF, and a `\r` progress line reduced to its last
// rewrite.

const ESCAPE_SEQUENCES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]/g;

export function stripTerminalCodes(text: string): string {
  return text
    .replace(ESCAPE_SEQUENCES, '')
    .replace(/\r+\n/g, '\n')
    .split('\n')
    .map((line) => {
      const trimmed = line.replace(/\r+$/, '');
      return trimmed.slice(trimmed.lastIndexOf('\r') + 1);
    })
    .join('\n');
}
