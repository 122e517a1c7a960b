// security.md row 19: the deck is edited while demos run (watch mode). `demystify serve` rebuilds,
// tells every page to reload, the pages re-attach to the running demos with their state and output
// intact, and the orchestrator runs the new definitions: changed and new demos as now written,
// removed ones stoppable while they run and no longer runnable after.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { createOrchestrator } from '../../../src/orchestrator/index.ts';
import type { Orchestrator } from '../../../src/orchestrator/index.ts';
import { createLiveServeEnv, renderDemoBlock, renderLiveDeck, writeLiveDeck } from '../../fixtures/decks/live-deck.ts';
import type { LiveSlide } from '../../fixtures/decks/live-deck.ts';
import { startServeCommand } from '../../fixtures/decks/start-serve-command.ts';
import type { ServeProcess } from '../../fixtures/decks/start-serve-command.ts';
import { defineDemo } from '../orchestrator/support/test-manifest.ts';
import { createTestWorkspace } from '../orchestrator/support/test-workspace.ts';
import type { TestWorkspace } from '../orchestrator/support/test-workspace.ts';
import { getState, postAction, postJson } from './support/api-client.ts';
import { isState, openEventStream } from './support/event-stream-client.ts';
import type { EventStreamClient } from './support/event-stream-client.ts';
import { rawRequest } from './support/raw-http.ts';

const REBUILD_TIMEOUT_MS = 90_000;
let root: string | undefined;
let serve: ServeProcess | undefined;
let orchestrator: Orchestrator | undefined;
let space: TestWorkspace | undefined;
const streams: EventStreamClient[] = [];

afterEach(async () => {
  for (const stream of streams.splice(0)) stream.close();
  await serve?.stop();
  serve = undefined;
  await orchestrator?.dispose();
  orchestrator = undefined;
  space?.cleanup();
  space = undefined;
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

function deckVersion(version: 1 | 2): LiveSlide[] {
  const idler = renderDemoBlock('idler daemon ready=log:prêt', 'prints-then-idles "idler prêt"');
  const hello = renderDemoBlock('hello', `echo "hello version ${version}"`);
  return version === 1
    ? [{ title: 'Les démos', blocks: [idler, hello] }, { title: 'Bientôt retirée', blocks: [renderDemoBlock('gone daemon ready=log:prêt', 'prints-then-idles "gone prêt"')] }]
    : [{ title: 'Les démos', blocks: [idler, hello] }, { title: 'Nouvelle', blocks: [renderDemoBlock('added', 'echo "nouvelle démo"')] }];
}

test('editing the deck while demos run reloads the pages, which find the running demos intact and the new definitions', async () => {
  root = mkdtempSync(join(tmpdir(), 'demystify-reload-'));
  const source = writeLiveDeck(join(root, 'src'), deckVersion(1));
  serve = await startServeCommand(['--source', source, '--out', join(root, 'out'), '--workspace', join(root, 'ws'), '--recordings', join(root, 'rec')], {
    env: createLiveServeEnv(join(root, 'cache')),
  });
  const server = serve;
  const page = await openEventStream({ port: server.port, cookie: server.cookie });
  streams.push(page);
  const idler = await postAction(server, 'run', 'idler');
  const gone = await postAction(server, 'run', 'gone');
  await page.waitFor(isState('idler', 'ready'), undefined, 'idler ready');
  await page.waitFor(isState('gone', 'ready'), undefined, 'gone ready');
  const hello1 = await postAction(server, 'run', 'hello');
  await page.waitFor((message) => message.type === 'state' && message.runId === hello1.runId && message.state === 'exited', undefined, 'hello v1 exited');
  expect(page.output('hello')).toContain('hello version 1');

  writeFileSync(source, renderLiveDeck(deckVersion(2)));
  await page.waitFor((message) => message.type === 'reload', REBUILD_TIMEOUT_MS, 'a reload message after the edit');

  // The page reloads: a new stream, no Last-Event-ID, and a snapshot of what runs.
  const reloaded = await openEventStream({ port: server.port, cookie: server.cookie });
  streams.push(reloaded);
  await reloaded.waitFor((message) => message.type === 'snapshot', undefined, 'the snapshot after reload');
  expect(reloaded.snapshotOf('idler')).toMatchObject({ runId: idler.runId, state: 'ready' });
  expect(reloaded.snapshotOf('idler')?.output).toContain('idler prêt');
  expect(reloaded.snapshotOf('hello')).toMatchObject({ runId: hello1.runId, state: 'exited' });
  expect(reloaded.snapshotOf('hello')?.output).toContain('hello version 1');
  expect(reloaded.snapshotOf('gone')).toMatchObject({ runId: gone.runId, state: 'ready' });

  const html = await rawRequest(server.port, { path: '/', headers: [['Host', `127.0.0.1:${server.port}`], ['Cookie', server.cookie]] });
  expect(html.body).toContain('data-demo-id="added"');
  expect(html.body).not.toContain('data-demo-id="gone"');

  const added = await postAction(server, 'run', 'added');
  await reloaded.waitFor((message) => message.type === 'state' && message.runId === added.runId && message.state === 'exited', undefined, 'added exited');
  expect(reloaded.output('added')).toContain('nouvelle démo');
  const hello2 = await postAction(server, 'run', 'hello');
  await reloaded.waitFor((message) => message.type === 'state' && message.runId === hello2.runId && message.state === 'exited', undefined, 'hello v2 exited');
  expect(reloaded.output('hello', hello2.runId ?? '')).toContain('hello version 2');

  expect(await postAction(server, 'stop', 'gone')).toMatchObject({ runId: gone.runId, state: 'exited' });
  expect((await postJson(server, '/api/run', { id: 'gone' })).status).toBe(404);
  const state = await getState(server);
  expect(state.demos.map((demo) => demo.demoId)).toEqual(['idler', 'hello', 'added']);
  expect(state.demos[0]).toMatchObject({ runId: idler.runId, state: 'ready' });
});

test('updateManifest: idle demos take the new definition, running ones keep theirs, removed ones stop being runnable once stopped', async () => {
  space = createTestWorkspace();
  const v1 = [
    defineDemo({ id: 'keeps', kind: 'daemon', command: 'prints-then-idles "v1 daemon"', ready: { type: 'log', pattern: 'daemon' } }),
    defineDemo({ id: 'changes', command: 'echo "v1 command"' }),
    defineDemo({ id: 'removed', kind: 'daemon', command: 'prints-then-idles "removed"' }),
  ];
  orchestrator = createOrchestrator({ manifest: { version: 1, deck: 'test.md', demos: v1 }, workspace: space.workspace, reapOnStart: false, graceMs: 300 });
  const keeps = await orchestrator.run('keeps');
  const removed = await orchestrator.run('removed');
  orchestrator.updateManifest({
    version: 1,
    deck: 'test.md',
    demos: [
      defineDemo({ id: 'keeps', kind: 'daemon', command: 'prints-then-idles "v2 daemon"', ready: { type: 'log', pattern: 'daemon' } }),
      defineDemo({ id: 'changes', command: 'echo "v2 command"' }),
      defineDemo({ id: 'new-one', command: 'echo "new demo"' }),
    ],
  });
  expect(orchestrator.manifest.demos.map((demo) => demo.id)).toEqual(['keeps', 'changes', 'new-one']);
  expect(await orchestrator.run('keeps')).toMatchObject({ runId: keeps.runId, state: 'ready' });
  expect((await orchestrator.run('changes')).output).toContain('v2 command');
  expect((await orchestrator.run('new-one')).output).toContain('new demo');
  expect(orchestrator.snapshots().map((snapshot) => snapshot.demoId)).toEqual(['keeps', 'changes', 'new-one', 'removed']);
  expect(await orchestrator.run('removed')).toMatchObject({ runId: removed.runId, state: 'ready' });
  expect(await orchestrator.stop('removed')).toMatchObject({ state: 'exited' });
  await expect(orchestrator.run('removed')).rejects.toMatchObject({ code: 'UNKNOWN_DEMO' });
  expect(orchestrator.snapshots().map((snapshot) => snapshot.demoId)).toEqual(['keeps', 'changes', 'new-one']);
  await orchestrator.stop('keeps');
  expect((await orchestrator.run('keeps')).output).toContain('v2 daemon');
});
