// The images in slides/binaries/ are standalone SVG: well-formed XML, a viewBox, nothing
// fetched from elsewhere (the talk may have no network), and up to date with their sources.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import type { Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { createImageCatalog, findStaleImageFiles } from '../../../src/deck/images/index.ts';
import type { YamlManifest } from '../../../src/deck/images/index.ts';
import { BINARIES_DIR, DEMOS_DIR } from './deck-markdown.ts';

const svgFiles = readdirSync(BINARIES_DIR).filter((file) => file.endsWith('.svg'));

function parseStrictly(text: string): Element {
  const problems: string[] = [];
  const parser = new DOMParser({ onError: (level, message) => problems.push(`${level}: ${message}`) });
  const document = parser.parseFromString(text, 'image/svg+xml');
  expect(problems).toEqual([]);
  const root = document.documentElement;
  if (root === null) throw new Error('Expected a root element, got none');
  return root;
}

function collectElements(root: Element): Element[] {
  const all: Element[] = [root];
  for (let i = 0; i < all.length; i += 1) {
    const element = all[i];
    if (element === undefined) continue;
    for (let child = element.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === 1) all.push(child as Element);
    }
  }
  return all;
}

const readManifest = (file: YamlManifest) => readFileSync(join(DEMOS_DIR, file), 'utf8');

describe.each(svgFiles)('slides/binaries/%s', (file) => {
  const text = readFileSync(join(BINARIES_DIR, file), 'utf8');

  it('is well-formed SVG with a viewBox and an accessible title', () => {
    const root = parseStrictly(text);
    expect(root.nodeName).toBe('svg');
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('viewBox')).toMatch(/^0 0 \d+(\.\d+)? \d+(\.\d+)?$/);
    expect(root.getElementsByTagName('title')[0]?.textContent?.trim()).not.toBe('');
  });

  it('references nothing outside itself', () => {
    const root = parseStrictly(text);
    for (const element of collectElements(root)) {
      for (let i = 0; i < element.attributes.length; i += 1) {
        const attribute = element.attributes.item(i);
        if (attribute === null || attribute.name.startsWith('xmlns')) continue;
        expect(attribute.value, `${element.nodeName}@${attribute.name}`).not.toMatch(/(https?:|file:|data:|\/\/)/i);
        if (/href$/i.test(attribute.name)) expect(attribute.value).toMatch(/^#/);
      }
      expect(['image', 'script', 'foreignObject', 'style']).not.toContain(element.nodeName);
    }
    expect(text).not.toMatch(/@import|url\((?!#)/);
  });
});

describe('generated images', () => {
  it('are up to date with their generators and demos/*.yaml (run npm run make-images)', () => {
    const entries = createImageCatalog({ readManifest });
    expect(findStaleImageFiles(entries, BINARIES_DIR)).toEqual([]);
  });

  it('report a YAML view as stale as soon as its manifest changes', () => {
    const entries = createImageCatalog({
      readManifest: (file) => (file === 'service.yaml' ? readManifest(file).replace('3000', '3001') : readManifest(file)),
    });
    expect(findStaleImageFiles(entries, BINARIES_DIR)).toEqual(['service.yaml.svg']);
  });

  it.each(['deploy.yaml', 'service.yaml', 'ingress.yaml'])('show every line of demos/%s as text', (manifest) => {
    const root = parseStrictly(readFileSync(join(BINARIES_DIR, `${manifest}.svg`), 'utf8'));
    const codeLines = collectElements(root)
      .filter((element) => element.getAttribute('class') === 'yaml-line')
      .map((element) => (element.textContent ?? '').replace(/\u00a0/g, ' '));
    const expected = readFileSync(join(DEMOS_DIR, manifest), 'utf8').trimEnd().split('\n');
    expect(codeLines).toEqual(expected);
  });
});
