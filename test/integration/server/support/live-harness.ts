// The running thing under test: a real orchestrator on a fixture manifest (the programs of
// test/fixtures/bin, linked into a temporary workspace's bin/) behind the real server on
// 127.0.0.1:<free port>, serving a tiny deck folder. Spawns are counted through the orchestrator's
// injectable spawnPty, so a test can say "nothing was spawned".
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOrchestrator, spawnPty } from '../../../../src/orchestrator/index.ts';
import type { Orchestrator, SpawnPty } from '../../../../src/orchestrator/index.ts';
import { startDeckServer } from '../../../../src/server/index.ts';
import type { DeckServer, DeckServerOptions, DemoService } from '../../../../src/server/index.ts';
import type { DemoDefinition } from '../../../../src/shared/index.ts';
import { createTestWorkspace } from '../../orchestrator/support/test-workspace.ts';
import type { TestWorkspace } from '../../orchestrator/support/test-workspace.ts';
import { createOrchestratorService } from '../../../../src/cli/orchestrator-service.ts';

export interface SpawnRecord {
  demoId: string;
  pid: number;
}

export interface LiveHarnessOptions {
  demos: DemoDefinition[];
  graceMs?: number;
  isRoot?: boolean;
  /** Extra environment of every run (a fake sudo first on PATH…), possibly made from the workspace. */
  env?: NodeJS.ProcessEnv | ((space: TestWorkspace) => NodeJS.ProcessEnv);
  hub?: DeckServerOptions['hub'];
  /** Prepare the workspace before the orchestrator starts (extra files in bin/…). */
  prepare?: (space: TestWorkspace) => void;
}

export interface LiveHarness {
  server: DeckServer;
  orchestrator: Orchestrator;
  space: TestWorkspace;
  deckDir: string;
  /** Every process the orchestrator spawned, in order. */
  spawns: SpawnRecord[];
  port: number;
  /** Authenticates a request the way the page does (the session cookie). */
  cookie: string;
  /** `127.0.0.1:<port>`: the Host header the server expects. */
  host: string;
  close(): Promise<void>;
}

export const DECK_PAGE = '<!doctype html><html><head><title>fixture deck</title></head><body><h1>fixture deck</h1></body></html>\n';

/** The folder the server serves: index.html, one image, and a symlink pointing out of the folder. */
export function createDeckDir(): { deckDir: string; outside: string; cleanup(): void } {
  const root = mkdtempSync(join(tmpdir(), 'demystify-server-deck-'));
  const deckDir = join(root, 'deck');
  const outside = join(root, 'outside-secret.txt');
  mkdirSync(join(deckDir, 'binaries'), { recursive: true });
  writeFileSync(join(deckDir, 'index.html'), DECK_PAGE);
  writeFileSync(join(deckDir, 'binaries', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>\n');
  writeFileSync(outside, 'OUTSIDE-THE-DECK\n');
  symlinkSync(outside, join(deckDir, 'escape.txt'));
  return { deckDir, outside, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** The session's adapter (src/cli/orchestrator-service.ts): POST /api/run answers once the process runs. */
export const createServiceOf = (orchestrator: Orchestrator): DemoService => createOrchestratorService(orchestrator);

export async function startLiveHarness(options: LiveHarnessOptions): Promise<LiveHarness> {
  const space = createTestWorkspace();
  const deck = createDeckDir();
  const spawns: SpawnRecord[] = [];
  const countingSpawn: SpawnPty = (spawnOptions) => {
    const child = spawnPty(spawnOptions);
    spawns.push({ demoId: spawnOptions.env['DEMYSTIFY_DEMO_ID'] ?? '?', pid: child.pid });
    return child;
  };
  let orchestrator: Orchestrator | undefined;
  try {
    options.prepare?.(space);
    orchestrator = createOrchestrator({
      manifest: { version: 1, deck: 'fixture.md', demos: options.demos },
      workspace: space.workspace,
      spawnPty: countingSpawn,
      graceMs: options.graceMs ?? 500,
      probeIntervalMs: 20,
      reapOnStart: false,
      ...(options.isRoot !== undefined && { isRoot: options.isRoot }),
      ...(options.env !== undefined && { env: typeof options.env === 'function' ? options.env(space) : options.env }),
    });
    const server = await startDeckServer({ service: createServiceOf(orchestrator), mode: 'live', deckDir: deck.deckDir, port: 0, ...(options.hub && { hub: options.hub }) });
    const running = orchestrator;
    return {
      server,
      orchestrator: running,
      space,
      deckDir: deck.deckDir,
      spawns,
      port: server.port,
      cookie: `demystify_${server.port}=${server.secret}`,
      host: `127.0.0.1:${server.port}`,
      async close() {
        await server.close();
        await running.dispose();
        space.cleanup();
        deck.cleanup();
      },
    };
  } catch (error) {
    await orchestrator?.dispose();
    space.cleanup();
    deck.cleanup();
    throw error;
  }
}
