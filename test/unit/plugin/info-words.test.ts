import { describe, expect, it } from 'vitest';
import { parseInfoOption, parseInfoWords } from '../../../src/plugin/info-words.ts';

describe('parseInfoWords', () => {
  it('splits on spaces and tabs, ignoring repeated ones', () => {
    expect(parseInfoWords('demo etcd \t daemon  root')).toEqual(['demo', 'etcd', 'daemon', 'root']);
  });

  it('keeps a double-quoted value with spaces in one word, without the quotes', () => {
    expect(parseInfoWords('demo kubelet ready="log:Successfully registered node" root')).toEqual([
      'demo',
      'kubelet',
      'ready=log:Successfully registered node',
      'root',
    ]);
  });

  it('accepts a whole option in quotes', () => {
    expect(parseInfoWords('demo x "ready=cmd:bin/etcdctl endpoint health"')).toEqual(['demo', 'x', 'ready=cmd:bin/etcdctl endpoint health']);
  });

  it('unescapes \\" and \\\\ inside quotes only', () => {
    expect(parseInfoWords(String.raw`demo x title="say \"hi\" \\o/" bin=a\b`)).toEqual(['demo', 'x', 'title=say "hi" \\o/', 'bin=a\\b']);
  });

  it('keeps an empty quoted value as an empty value', () => {
    expect(parseInfoWords('demo x title=""')).toEqual(['demo', 'x', 'title=']);
  });

  it('fails on an unterminated quote', () => {
    expect(() => parseInfoWords('demo x title="oops')).toThrow(/Expected a closing double quote, got the end of the info string/);
  });
});

describe('parseInfoOption', () => {
  it('reads a flag and a key=value, splitting on the first =', () => {
    expect(parseInfoOption('daemon')).toEqual({ name: 'daemon' });
    expect(parseInfoOption('ready=cmd:test a=b')).toEqual({ name: 'ready', value: 'cmd:test a=b' });
  });
});
