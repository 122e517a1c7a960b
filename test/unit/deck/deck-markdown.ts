// Test helper: reads the deck the way its tests need it (slides, headings, image
// references, ```demo fences with a light parse of their info strings). The plugin owns the
// real parser; this one follows /work/notes/demo-syntax.md closely enough to check the deck.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const DECK_PATH = join(PROJECT_ROOT, 'slides', 'demystifions-kubernetes.md');
export const BINARIES_DIR = join(PROJECT_ROOT, 'slides', 'binaries');
export const DEMOS_DIR = join(PROJECT_ROOT, 'demos');
/** The talk as the speaker wrote it, next to the project (not part of the repository). */
export const SHARED_TALK_PATH = join(PROJECT_ROOT, '..', 'shared', 'talk', 'demystifions-kubernetes.md');

export function readDeck(): string {
  return readFileSync(DECK_PATH, 'utf8');
}

export interface DemoFence {
  /** 1-based slide number (the front matter is not a slide). */
  slide: number;
  heading: string;
  info: string;
  body: string;
}

export interface Slide {
  number: number;
  heading: string;
  lines: string[];
  fences: DemoFence[];
}

/** Splits on `---` lines outside code fences, after the front matter. */
export function splitSlides(markdown: string): Slide[] {
  const lines = markdown.split('\n');
  let start = 0;
  if (lines[0] === '---') start = lines.indexOf('---', 1) + 1;
  const slides: Slide[] = [];
  let current: string[] = [];
  let fence: { info: string; body: string[] } | undefined;
  let fences: Array<{ info: string; body: string }> = [];
  const flush = () => {
    const heading = current.find((line) => /^#{1,6} /.test(line)) ?? '';
    const number = slides.length + 1;
    slides.push({
      number,
      heading: heading.replace(/^#+ /, '').trim(),
      lines: current,
      fences: fences.map((f) => ({ slide: number, heading: heading.replace(/^#+ /, '').trim(), ...f })),
    });
    current = [];
    fences = [];
  };
  for (const line of lines.slice(start)) {
    if (fence !== undefined) {
      if (line.startsWith('```')) {
        fences.push({ info: fence.info, body: fence.body.join('\n') });
        fence = undefined;
      } else {
        fence.body.push(line);
      }
      current.push(line);
      continue;
    }
    if (line.startsWith('```demo')) fence = { info: line.slice(3).trim(), body: [] };
    else if (line.startsWith('```')) fence = { info: '', body: [] };
    if (line === '---' && fence === undefined) flush();
    else current.push(line);
  }
  flush();
  // Ordinary code fences are parsed too (so `---` inside them is ignored); keep only demos.
  return slides.map((slide) => ({ ...slide, fences: slide.fences.filter((f) => f.info.startsWith('demo')) }));
}

/** `demo etcd daemon ready="log:x y"` → words, quotes removed, `\"` and `\\` unescaped. */
export function splitInfoWords(info: string): string[] {
  const words: string[] = [];
  let word = '';
  let quoted = false;
  let started = false;
  for (let i = 0; i < info.length; i += 1) {
    const char = info[i] ?? '';
    if (quoted) {
      if (char === '\\' && i + 1 < info.length) {
        word += info[i + 1];
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        word += char;
      }
    } else if (char === '"') {
      quoted = true;
      started = true;
    } else if (char === ' ') {
      if (started) words.push(word);
      word = '';
      started = false;
    } else {
      word += char;
      started = true;
    }
  }
  if (quoted) throw new Error(`Unterminated quote in info string: ${info}`);
  if (started) words.push(word);
  return words;
}

export interface DemoInfo {
  id: string;
  flags: Set<string>;
  values: Map<string, string>;
}

export function parseDemoInfo(info: string): DemoInfo {
  const [keyword, id, ...options] = splitInfoWords(info);
  if (keyword !== 'demo' || id === undefined) throw new Error(`Not a demo info string: ${info}`);
  const flags = new Set<string>();
  const values = new Map<string, string>();
  for (const option of options) {
    const eq = option.indexOf('=');
    if (eq === -1) flags.add(option);
    else values.set(option.slice(0, eq), option.slice(eq + 1));
  }
  return { id, flags, values };
}

/** Every image a slide shows: markdown images (inline and `bg`) and HTML `src` attributes. */
export function extractImageSources(markdown: string): string[] {
  const sources: string[] = [];
  for (const match of markdown.matchAll(/!\[[^\]]*\]\(\s*([^)\s]+)[^)]*\)/g)) sources.push(match[1] ?? '');
  for (const match of markdown.matchAll(/\bsrc\s*=\s*["']([^"']+)["']/g)) sources.push(match[1] ?? '');
  return sources;
}

/** A command script's logical lines: `\`-continued lines joined. */
export function joinContinuations(body: string): string[] {
  return body.replace(/\\\n\s*/g, ' ').split('\n').filter((line) => line.trim() !== '');
}
