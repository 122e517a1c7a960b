import { describe, expect, it } from 'vitest';
import { tokenizeYamlLine } from '../../../../src/deck/images/index.ts';
import type { YamlTokenKind } from '../../../../src/deck/images/index.ts';

const kinds = (line: string) =>
  tokenizeYamlLine(line)
    .filter((token) => token.kind !== 'space' && token.kind !== 'indent')
    .map((token): [YamlTokenKind, string] => [token.kind, token.text]);

describe('tokenizeYamlLine', () => {
  it('gives the line back, character for character', () => {
    for (const line of ['', 'apiVersion: apps/v1', '      - image: zwindler/vhelloworld', '        - containerPort: 8081 # serveur V', "  name: 'a # b'", '---', '  -', 'key:']) {
      expect(tokenizeYamlLine(line).map((token) => token.text).join('')).toBe(line);
    }
  });

  it('tells keys from string, number and keyword values', () => {
    expect(kinds('  replicas: 2')).toEqual([['key', 'replicas'], ['punctuation', ':'], ['number', '2']]);
    expect(kinds('kind: Deployment')).toEqual([['key', 'kind'], ['punctuation', ':'], ['string', 'Deployment']]);
    expect(kinds('    hostNetwork: true')).toEqual([['key', 'hostNetwork'], ['punctuation', ':'], ['keyword', 'true']]);
  });

  it('reads sequence dashes and trailing comments', () => {
    expect(kinds('  - port: 3000 # web')).toEqual([
      ['punctuation', '-'],
      ['key', 'port'],
      ['punctuation', ':'],
      ['number', '3000'],
      ['comment', '# web'],
    ]);
    expect(kinds('    # vhelloworld écoute sur 8081')).toEqual([['comment', '# vhelloworld écoute sur 8081']]);
  });

  it('does not take a # inside quotes or a URL path for a comment', () => {
    expect(kinds('  name: "a # b"')).toEqual([['key', 'name'], ['punctuation', ':'], ['string', '"a # b"']]);
    expect(kinds('  url: http://x/#frag')).toEqual([['key', 'url'], ['punctuation', ':'], ['string', 'http://x/#frag']]);
  });
});
