// An orchestrator killed with SIGKILL cannot stop its demos. What the PTY hangup does not end,
// the next orchestrator reaps — identified by pid + start time and by the run id in their
// environment, never a stranger — including a stale process still holding a daemon's port.
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import type { ResultPromise } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOrchestrator, isPortFree } from '../../../src/orchestrator/index.ts';
import type { Orchestrator } from '../../../src/orchestrator/index.ts';
import { readProcessStartTime } from '../../../src/orchestrator/processes/index.ts';
import type { RunRecord } from '../../../src/orchestrator/processes/index.ts';
import { describeProcess, findFreePort, isAlive, killQuietly, parsePids, waitUntil } from './support/process-checks.ts';
import { startOrchestratorHost } from './support/start-orchestrator-host.ts';
import type { OrchestratorHost } from './support/start-orchestrator-host.ts';
import { createTestManifest, defineDemo } from './support/test-manifest.ts';
import { createTestWorkspace } from './support/test-workspace.ts';
import type { TestWorkspace } from './support/test-workspace.ts';

let space: TestWorkspace;
let host: OrchestratorHost | undefined;
let orchestrator: Orchestrator | undefined;
let stranger: ResultPromise | undefined;
const pids: number[] = [];

beforeEach(() => {
  space = createTestWorkspace();
});

afterEach(async () => {
  await host?.kill();
  await orchestrator?.dispose();
  stranger?.kill('SIGKILL');
  await stranger?.catch(() => undefined);
  killQuietly(pids.splice(0));
  host = undefined;
  orchestrator = undefined;
  stranger = undefined;
  space.cleanup();
});

/** A dead process's stamp: the owner of a record whose orchestrator is gone. */
function deadStamp(): { pid: number; startTime: number } {
  const child = spawnSync('true');
  return { pid: child.pid ?? 999_999, startTime: 1 };
}

describe('after the orchestrator was SIGKILLed', () => {
  const survivor = defineDemo({ id: 'survivor', kind: 'daemon', command: 'ignores-sighup', ready: { type: 'log', pattern: 'ignoring SIGHUP' } });
  const daemonized = defineDemo({ id: 'daemonized', kind: 'daemon', command: 'forks-child --double', ready: { type: 'log', pattern: 'parent \\d+' } });

  it('its demos die with it from the PTY hangup, with no reaper needed', async () => {
    const plain = defineDemo({ id: 'plain', kind: 'daemon', command: 'prints-then-idles "pid $$"', ready: { type: 'log', pattern: 'pid' } });
    host = await startOrchestratorHost(space.workspace, [plain], ['plain']);
    const [pid] = parsePids(host.snapshots[0]!.output, 'pid');
    pids.push(pid!);
    expect(isAlive(pid!)).toBe(true);
    await host.kill();
    host = undefined;
    await waitUntil(() => !isAlive(pid!), 3_000, `pid ${pid} to die of SIGHUP`);
  });

  it('the next orchestrator reaps what survived the hangup, and never a stranger whose pid is recorded', async () => {
    host = await startOrchestratorHost(space.workspace, [survivor, daemonized], ['survivor', 'daemonized']);
    expect(host.snapshots.map((snapshot) => snapshot.state)).toEqual(['ready', 'ready']);
    const [survivorPid] = parsePids(host.snapshots[0]!.output, 'pid');
    const [grandchildPid] = parsePids(host.snapshots[1]!.output, 'grandchild');
    pids.push(survivorPid!, grandchildPid!);
    await host.kill();
    host = undefined;
    expect(isAlive(survivorPid!)).toBe(true); // ignores SIGHUP
    expect(isAlive(grandchildPid!)).toBe(true); // in its own session: no SIGHUP at all

    // A stranger whose pid is in a record, with another start time (a recycled pid).
    stranger = execa('sleep', ['600'], { reject: false });
    const record: RunRecord = { runId: 'fake-mwx0000-00000000', demoId: 'fake', pid: stranger.pid!, startTime: readProcessStartTime(stranger.pid!)! - 1, startedAt: 0, owner: deadStamp(), viaSudo: false };
    mkdirSync(join(space.workspace, '.demystify', 'runs'), { recursive: true });
    writeFileSync(join(space.workspace, '.demystify', 'runs', `${record.runId}.json`), JSON.stringify(record));

    orchestrator = createOrchestrator({ workspace: space.workspace, manifest: createTestManifest(survivor, daemonized), graceMs: 1_000 });
    const reaped = await orchestrator.reapOrphans();
    expect(reaped.map((run) => run.demoId).sort()).toEqual(['daemonized', 'survivor']);
    expect(reaped.flatMap((run) => run.pids)).toEqual(expect.arrayContaining([survivorPid, grandchildPid]));
    expect(isAlive(survivorPid!), describeProcess(survivorPid!)).toBe(false);
    expect(isAlive(grandchildPid!), `${describeProcess(grandchildPid!)} / reaped ${JSON.stringify(reaped)}`).toBe(false);
    expect(isAlive(stranger.pid!)).toBe(true);
  });

  it('a port still held by our stale daemon is freed by reaping it, and the demo starts', async () => {
    const port = await findFreePort();
    const web = defineDemo({ id: 'web', kind: 'daemon', command: `FIXTURE_IGNORE_SIGHUP=1 http-server ${port}`, ports: [port], ready: { type: 'tcp', host: '127.0.0.1', port } });
    host = await startOrchestratorHost(space.workspace, [web], ['web']);
    await host.kill();
    host = undefined;
    expect(await isPortFree(port)).toBe(false);

    orchestrator = createOrchestrator({ workspace: space.workspace, manifest: createTestManifest(web), reapOnStart: false, graceMs: 1_000, probeIntervalMs: 20 });
    const snapshot = await orchestrator.run('web');
    expect(snapshot.state).toBe('ready');
    expect(snapshot.message).toMatch(/^Arrêté ce qui restait de la dernière fois : web \(pid \d+\)\.$/);
    await orchestrator.stop('web');
    expect(await isPortFree(port)).toBe(true);
  });

  it('reaps at start-up by itself before running anything', async () => {
    host = await startOrchestratorHost(space.workspace, [survivor], ['survivor']);
    const [survivorPid] = parsePids(host.snapshots[0]!.output, 'pid');
    pids.push(survivorPid!);
    await host.kill();
    host = undefined;
    orchestrator = createOrchestrator({ workspace: space.workspace, manifest: createTestManifest(survivor), graceMs: 1_000, probeIntervalMs: 20 });
    const snapshot = await orchestrator.run('survivor');
    expect(snapshot.state).toBe('ready');
    expect(isAlive(survivorPid!)).toBe(false);
  });
});
