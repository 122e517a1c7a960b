// Output as the slide receives it: a terminal's bytes (colours, `\r`, size), UTF-8 never split,
// invalid bytes survived, and a 100 MB flood delivered completely while the orchestrator keeps
// only a bounded tail.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOrchestrator, OUTPUT_FLUSH_BYTES, spawnPty } from '../../../src/orchestrator/index.ts';
import type { Orchestrator, OrchestratorOptions } from '../../../src/orchestrator/index.ts';
import type { DemoDefinition, OutputEvent } from '../../../src/shared/index.ts';
import { createTestManifest, defineDemo } from './support/test-manifest.ts';
import { createTestWorkspace } from './support/test-workspace.ts';
import type { TestWorkspace } from './support/test-workspace.ts';

let space: TestWorkspace;
let orchestrator: Orchestrator | undefined;

function start(demos: DemoDefinition[], options: Partial<OrchestratorOptions> = {}): Orchestrator {
  orchestrator = createOrchestrator({ workspace: space.workspace, manifest: createTestManifest(...demos), ...options });
  return orchestrator;
}

function collectOutput(o: Orchestrator): OutputEvent[] {
  const events: OutputEvent[] = [];
  o.subscribe((event) => {
    if (event.type === 'output') events.push(event);
  });
  return events;
}

beforeEach(() => {
  space = createTestWorkspace();
});

afterEach(async () => {
  await orchestrator?.dispose();
  orchestrator = undefined;
  space.cleanup();
});

describe('terminal output', () => {
  it('keeps colours and carriage-return progress lines, on a 120x30 terminal', async () => {
    const o = start([defineDemo({ id: 'tty', command: 'printf "\\033[1;34m10%%\\r50%%\\r100%%\\033[0m\\n"; stty size' })]);
    const snapshot = await o.run('tty');
    expect(snapshot.output).toBe('\u001b[1;34m10%\r50%\r100%\u001b[0m\r\n30 120\r\n');
  });

  it('never splits a code point, though the terminal delivers it in pieces', async () => {
    const rawChunks: Uint8Array[] = [];
    const o = start([defineDemo({ id: 'utf8', command: 'utf8-output 2000' })], {
      spawnPty: (options) => {
        const pty = spawnPty(options);
        pty.onData((chunk) => rawChunks.push(chunk));
        return pty;
      },
    });
    const events = collectOutput(o);
    const snapshot = await o.run('utf8');

    const isContinuation = (byte: number | undefined): boolean => byte !== undefined && (byte & 0xc0) === 0x80;
    const splitInside = rawChunks.slice(1).filter((chunk) => isContinuation(chunk[0]));
    expect(splitInside.length).toBeGreaterThan(3);
    expect(events.length).toBeGreaterThan(3);
    for (const event of events) {
      expect(event.data).not.toContain('\uFFFD');
      expect(Buffer.from(event.data, 'utf8').toString('utf8')).toBe(event.data);
    }
    const expected = `${'é€😀 '.repeat(2000)}\r\nDONE\r\n`;
    expect(events.map((event) => event.data).join('')).toBe(expected);
    expect(snapshot.output).toBe(expected);
  });

  it('turns bytes that are not UTF-8 into U+FFFD and goes on', async () => {
    const snapshot = await start([defineDemo({ id: 'binary', command: 'binary-output' })]).run('binary');
    expect(snapshot).toMatchObject({ state: 'exited', exitCode: 0 });
    expect(snapshot.output).toBe('a\uFFFDb\uFFFDc\uFFFD\r\nok\r\n');
  });
});

describe('the end of the output', () => {
  it('arrives completely before the exit, run after run (the terminal may report its end early)', async () => {
    const o = start([defineDemo({ id: 'burst', command: 'flood 10000000' })]);
    let chars = 0;
    o.subscribe((event) => {
      if (event.type === 'output') chars += event.data.length;
    });
    const received: number[] = [];
    for (let attempt = 0; attempt < 8; attempt += 1) {
      chars = 0;
      await o.run('burst');
      received.push(chars);
    }
    expect(received).toEqual(Array.from({ length: 8 }, () => 10_100_000));
  });
});

describe('a 100 MB flood', () => {
  const TOTAL_BYTES = 100_000_000;
  const LINES = TOTAL_BYTES / 100;
  const LIMIT_BYTES = 1024 * 1024;

  it('is delivered completely, in bounded events, while the retained output and memory stay bounded', async () => {
    const o = start([defineDemo({ id: 'flood', command: `flood ${TOTAL_BYTES}` })], { outputLimitBytes: LIMIT_BYTES });
    let chars = 0;
    let lines = 0;
    let events = 0;
    let largestEvent = 0;
    let badLines = 0;
    let partial = '';
    let largestRetained = 0;
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    const line = `flood-${'0'.repeat(93)}`;
    o.subscribe((event) => {
      if (event.type !== 'output') return;
      events += 1;
      chars += event.data.length;
      largestEvent = Math.max(largestEvent, Buffer.byteLength(event.data));
      const parts = (partial + event.data).split('\r\n');
      partial = parts.pop() ?? '';
      lines += parts.length;
      badLines += parts.filter((part) => part !== line).length;
      if (events % 200 === 0) {
        heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
        largestRetained = Math.max(largestRetained, Buffer.byteLength(o.snapshot('flood').output));
      }
    });
    const snapshot = await o.run('flood');

    expect(snapshot).toMatchObject({ state: 'exited', exitCode: 0 });
    expect(lines).toBe(LINES);
    expect(badLines).toBe(0);
    expect(partial).toBe('');
    expect(chars).toBe(TOTAL_BYTES + LINES); // each \n arrives as \r\n
    expect(largestEvent).toBeLessThanOrEqual(2 * OUTPUT_FLUSH_BYTES);
    expect(events).toBeLessThan(LINES / 100);
    const retained = Buffer.byteLength(snapshot.output);
    expect(retained).toBeLessThanOrEqual(LIMIT_BYTES);
    expect(largestRetained).toBeLessThanOrEqual(LIMIT_BYTES);
    expect(retained + snapshot.droppedBytes).toBe(TOTAL_BYTES + LINES);
    expect(snapshot.output.endsWith(`${line}\r\n`)).toBe(true);
    expect(heapPeak - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });
});
