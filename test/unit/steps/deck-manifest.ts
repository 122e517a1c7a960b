// Test helper: the deck's DemoManifest exactly as the build collects it (the Marp engine of
// src/deck with the demo plugin's onManifest), and a reading of a step's command line as the
// shell would see it: `\` continuations joined, words split, `--flag value` read as `--flag=value`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDeckMarp, DECK_SOURCE } from '../../../src/deck/index.ts';
import type { DemoDefinition, DemoManifest } from '../../../src/shared/index.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

let cached: DemoManifest | undefined;

/** The manifest of slides/demystifions-kubernetes.md, collected by the real plugin (memoized). */
export function readDeckManifest(): DemoManifest {
  if (cached !== undefined) return cached;
  let collected: DemoManifest | undefined;
  const markdown = readFileSync(join(PROJECT_ROOT, DECK_SOURCE), 'utf8');
  createDeckMarp({}, { deck: DECK_SOURCE, onManifest: (manifest) => (collected = manifest) }).render(markdown);
  if (collected === undefined) throw new Error(`The demo plugin reported no manifest for ${DECK_SOURCE}`);
  cached = collected;
  return collected;
}

export function findDemo(manifest: DemoManifest, id: string): DemoDefinition {
  const demo = manifest.demos.find((candidate) => candidate.id === id);
  if (demo === undefined) throw new Error(`Expected a demo "${id}" in ${manifest.deck}, got ${manifest.demos.map((d) => d.id).join(', ')}`);
  return demo;
}

/** Shell words of one logical line: blanks split, single and double quotes group (and are removed). */
export function splitShellWords(line: string): string[] {
  const words: string[] = [];
  for (const match of line.matchAll(/(?:[^\s'"]+|'[^']*'|"(?:[^"\\]|\\.)*")+/g)) {
    words.push(match[0].replace(/'([^']*)'|"((?:[^"\\]|\\.)*)"/g, (_all, single: string | undefined, double: string | undefined) => single ?? (double ?? '').replace(/\\(.)/g, '$1')));
  }
  return words;
}

export interface CommandLine {
  program: string;
  /** `--flag` or `--flag=value`, in order. */
  flags: string[];
  /** Words that are neither the program nor a flag or its value. */
  operands: string[];
}

/** One command (a script of one logical line, `\` continuations joined). */
export function parseCommandLine(command: string): CommandLine {
  const lines = command.replace(/\\\n[ \t]*/g, ' ').split('\n').filter((line) => line.trim() !== '');
  if (lines.length !== 1) throw new Error(`Expected one command line, got ${lines.length}:\n${command}`);
  const [program = '', ...rest] = splitShellWords(lines[0] ?? '');
  const flags: string[] = [];
  const operands: string[] = [];
  for (let index = 0; index < rest.length; index += 1) {
    const word = rest[index] as string;
    const next = rest[index + 1];
    if (!word.startsWith('--')) operands.push(word);
    else if (word.includes('=') || next === undefined || next.startsWith('-')) flags.push(word);
    else {
      flags.push(`${word}=${next}`);
      index += 1;
    }
  }
  return { program, flags, operands };
}
