// One ```demo fence → a definition or a reference, exactly per notes/demo-syntax.md:
//   ```demo <id> [flag | key=value | key="quoted value"] …
// Throws DECK_INVALID with "Expected …, got …"; the caller names the slide.
import { DEFAULT_COMMAND_TIMEOUT_MS, DEFAULT_READY_TIMEOUT_MS, DEMO_ID_PATTERN, DemystifyError, isDemoId } from '../shared/index.ts';
import type { DemoDefinition, DemoKind, ProbeSpec } from '../shared/index.ts';
import { parseInfoOption, parseInfoWords } from './info-words.ts';
import { parsePort, parseProbeSpec } from './probe-spec.ts';

export type DemoBlock =
  | { type: 'definition'; definition: DemoDefinition; explicitTitle: boolean }
  | { type: 'reference'; id: string };

export interface DemoFenceSource {
  /** The fence's info string (`demo etcd daemon ready=…`). */
  info: string;
  /** The fence body: the command, verbatim (a trailing newline is dropped). */
  body: string;
  /** 1-based slide number. */
  slide: number;
  /** The slide's heading text, the default title. */
  heading: string | undefined;
}

const FLAG_OPTIONS = ['daemon', 'command', 'insecure', 'start-needs', 'root'] as const;
const VALUE_OPTIONS = ['ready', 'ca', 'cert', 'key', 'needs', 'ports', 'timeout', 'bin', 'title'] as const;
type OptionName = (typeof FLAG_OPTIONS)[number] | (typeof VALUE_OPTIONS)[number];
const ALL_OPTIONS: readonly string[] = [...FLAG_OPTIONS, ...VALUE_OPTIONS];
const DURATION_UNITS_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000 };

function fail(message: string): never {
  throw new DemystifyError('DECK_INVALID', message);
}

export function isDemoInfo(info: string): boolean {
  return /^demo(?:\s|$)/.test(info.trim());
}

/** The id as written (before validation), to name the demo in an error message. */
export function readDemoIdText(info: string): string | undefined {
  return info.trim().split(/\s+/)[1];
}

export function parseDemoFence({ info, body, slide, heading }: DemoFenceSource): DemoBlock {
  const [, id, ...words] = parseInfoWords(info.trim());
  if (id === undefined || id === '') fail(`Expected an id after \`\`\`demo (matching ${DEMO_ID_PATTERN}), got nothing`);
  if (!isDemoId(id)) fail(`Expected a demo id matching ${DEMO_ID_PATTERN}, got "${id}"`);
  const options = parseOptions(words);
  const command = body.replace(/\r?\n$/, '');
  if (command.trim() === '') {
    if (options.size === 0) return { type: 'reference', id };
    fail(`Expected a command in the body of demo "${id}" (a block with options defines a demo), got an empty body`);
  }
  return { type: 'definition', definition: createDefinition(id, command, options, slide, heading), explicitTitle: options.has('title') };
}

function parseOptions(words: string[]): Map<OptionName, string | true> {
  const options = new Map<OptionName, string | true>();
  for (const word of words) {
    const { name, value } = parseInfoOption(word);
    if (!ALL_OPTIONS.includes(name)) fail(`Expected an option among ${ALL_OPTIONS.join(', ')}, got "${name}"`);
    const option = name as OptionName;
    if (options.has(option)) fail(`Expected each option once, got "${name}" twice`);
    const isFlag = (FLAG_OPTIONS as readonly string[]).includes(name);
    if (isFlag && value !== undefined) fail(`Expected "${name}" as a flag without a value, got "${word}"`);
    if (!isFlag && (value === undefined || value === '')) fail(`Expected ${name}=VALUE, got "${word}"`);
    options.set(option, value ?? true);
  }
  if (options.has('daemon') && options.has('command')) fail('Expected one kind, daemon or command, got both');
  return options;
}

function createDefinition(
  id: string,
  command: string,
  options: Map<OptionName, string | true>,
  slide: number,
  heading: string | undefined,
): DemoDefinition {
  const text = (name: OptionName): string | undefined => {
    const value = options.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const kind: DemoKind = options.has('daemon') ? 'daemon' : 'command';
  const readyText = text('ready');
  const tls = { ca: text('ca'), cert: text('cert'), key: text('key'), insecure: options.has('insecure') };
  if (readyText === undefined && (tls.ca ?? tls.cert ?? tls.key) !== undefined) fail('Expected ca=, cert= and key= only with an https ready= probe, got no ready=');
  if (readyText === undefined && tls.insecure) fail('Expected insecure only with an https ready= probe, got no ready=');
  const ready: ProbeSpec | undefined = readyText === undefined ? undefined : parseProbeSpec(readyText, tls);
  const binary = text('bin') ?? findBinary(command);
  return {
    id,
    kind,
    command,
    ...(ready && { ready }),
    needs: parseNeeds(text('needs')),
    startNeeds: options.has('start-needs'),
    root: options.has('root'),
    ports: parsePorts(text('ports')),
    timeoutMs: parseTimeout(text('timeout'), kind),
    ...(binary !== undefined && { binary }),
    slide,
    title: text('title') ?? heading ?? id,
  };
}

/** The first word of the command when it is a workspace binary (`bin/etcd --data-dir …`). */
function findBinary(command: string): string | undefined {
  const first = command.trim().split(/\s+/)[0];
  return first !== undefined && first.startsWith('bin/') ? first : undefined;
}

function parseNeeds(value: string | undefined): string[] {
  if (value === undefined) return [];
  const ids = value.split(',').map((id) => id.trim());
  for (const id of ids) if (!isDemoId(id)) fail(`Expected needs= to list demo ids separated by commas, got "${id}" in needs=${value}`);
  return [...new Set(ids)];
}

function parsePorts(value: string | undefined): number[] {
  if (value === undefined) return [];
  return value.split(',').map((text) => parsePort(text.trim()) ?? fail(`Expected ports= to list TCP ports 1-65535 separated by commas, got "${text}" in ports=${value}`));
}

function parseTimeout(value: string | undefined, kind: DemoKind): number {
  if (value === undefined) return kind === 'daemon' ? DEFAULT_READY_TIMEOUT_MS : DEFAULT_COMMAND_TIMEOUT_MS;
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(value);
  const ms = match ? Math.round(Number(match[1]) * (DURATION_UNITS_MS[match[2] as string] as number)) : 0;
  if (ms <= 0) fail(`Expected timeout= to be a positive duration in ms, s or m (e.g. 30s), got "${value}"`);
  return ms;
}
