// Splits a ```demo info string into words, shell-like: spaces separate words, double quotes group
// (`ready="log:serving insecurely"` or `"ready=cmd:bin/etcdctl endpoint health"`), and inside quotes
// `\"` and `\\` are escapes. Then each word is a `flag` or a `key=value` option.
// Errors are DECK_INVALID; the caller adds the slide and the demo to the message.
import { DemystifyError } from '../shared/index.ts';

export interface InfoOption {
  name: string;
  /** Absent for a flag (`daemon`); present, maybe empty, for `key=value`. */
  value?: string;
}

export function parseInfoWords(info: string): string[] {
  const words: string[] = [];
  let current: string | undefined;
  let index = 0;
  while (index < info.length) {
    const char = info[index] as string;
    if (char === ' ' || char === '\t') {
      if (current !== undefined) words.push(current);
      current = undefined;
      index += 1;
    } else if (char === '"') {
      const [quoted, next] = readQuoted(info, index + 1);
      current = (current ?? '') + quoted;
      index = next;
    } else {
      current = (current ?? '') + char;
      index += 1;
    }
  }
  if (current !== undefined) words.push(current);
  return words;
}

function readQuoted(info: string, start: number): [string, number] {
  let text = '';
  let index = start;
  while (index < info.length) {
    const char = info[index] as string;
    if (char === '"') return [text, index + 1];
    if (char === '\\' && (info[index + 1] === '"' || info[index + 1] === '\\')) {
      text += info[index + 1];
      index += 2;
    } else {
      text += char;
      index += 1;
    }
  }
  throw new DemystifyError('DECK_INVALID', `Expected a closing double quote, got the end of the info string after "${text}"`);
}

export function parseInfoOption(word: string): InfoOption {
  const equals = word.indexOf('=');
  if (equals < 0) return { name: word };
  return { name: word.slice(0, equals), value: word.slice(equals + 1) };
}
