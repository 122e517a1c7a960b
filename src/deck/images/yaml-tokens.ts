// A small line tokenizer for the Kubernetes manifests the deck shows (block-style YAML:
// keys, sequences, scalars, comments). Enough to colour them like an editor does; not a
// YAML parser. Joining the tokens of a line gives the line back, character for character.

export type YamlTokenKind = 'indent' | 'punctuation' | 'key' | 'string' | 'number' | 'keyword' | 'comment' | 'space';

export interface YamlToken {
  kind: YamlTokenKind;
  text: string;
}

const KEY_PATTERN = /^([^\s#:'"-][^:#]*?|"[^"]*"|'[^']*')(:)(?=\s|$)/;
const NUMBER_PATTERN = /^-?\d+(\.\d+)?$/;
const KEYWORD_PATTERN = /^(true|false|null|~|yes|no)$/i;

function classifyScalar(text: string): YamlTokenKind {
  if (NUMBER_PATTERN.test(text)) return 'number';
  if (KEYWORD_PATTERN.test(text)) return 'keyword';
  return 'string';
}

/** Splits `value  # comment` on the first ` #` outside quotes. */
function splitComment(rest: string): { value: string; gap: string; comment: string } {
  let quote: string | undefined;
  for (let i = 0; i < rest.length; i += 1) {
    const char = rest[i];
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '#' && (i === 0 || rest[i - 1] === ' ')) {
      const value = rest.slice(0, i).trimEnd();
      return { value, gap: rest.slice(value.length, i), comment: rest.slice(i) };
    }
  }
  return { value: rest, gap: '', comment: '' };
}

function tokenizeValue(rest: string, tokens: YamlToken[]): void {
  const { value, gap, comment } = splitComment(rest);
  const leading = /^\s*/.exec(value)?.[0] ?? '';
  if (leading !== '') tokens.push({ kind: 'space', text: leading });
  const scalar = value.slice(leading.length);
  if (scalar !== '') tokens.push({ kind: classifyScalar(scalar), text: scalar });
  if (gap !== '') tokens.push({ kind: 'space', text: gap });
  if (comment !== '') tokens.push({ kind: 'comment', text: comment });
}

export function tokenizeYamlLine(line: string): YamlToken[] {
  const tokens: YamlToken[] = [];
  const indent = /^ */.exec(line)?.[0] ?? '';
  if (indent !== '') tokens.push({ kind: 'indent', text: indent });
  let rest = line.slice(indent.length);
  if (rest === '---' || rest === '...') {
    tokens.push({ kind: 'punctuation', text: rest });
    return tokens;
  }
  // Sequence dashes, possibly nested: `- - key: value`.
  let dash = /^-( +|$)/.exec(rest);
  while (dash !== null) {
    tokens.push({ kind: 'punctuation', text: '-' });
    if (dash[1] !== undefined && dash[1] !== '') tokens.push({ kind: 'space', text: dash[1] });
    rest = rest.slice(dash[0].length);
    dash = /^-( +|$)/.exec(rest);
  }
  const key = KEY_PATTERN.exec(rest);
  if (key?.[1] !== undefined && key[2] !== undefined) {
    tokens.push({ kind: 'key', text: key[1] }, { kind: 'punctuation', text: key[2] });
    rest = rest.slice(key[0].length);
  }
  if (rest !== '') tokenizeValue(rest, tokens);
  return tokens;
}
