// The measuring side of ready-bench.ts, started by it inside its network namespace (and private
// /run): for each daemon, rounds alternating "by hand" (spawn the slide's command with execa, poll
// the same readiness check at the same interval) and "click" (orchestrator.run → ready snapshot),
// each followed by a stop and a clean data folder. Prints one line: `RESULT <json>`.
import { connect } from 'node:net';
import { request } from 'node:https';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import { execa } from 'execa';
import { createOrchestrator } from '../src/orchestrator/index.ts';
import type { DemoDefinition, DemoManifest, ProbeSpec } from '../src/shared/index.ts';

export interface ReadyBenchConfig {
  manifest: DemoManifest;
  workspace: string;
  /** Demo ids to measure (daemons with a ready check). */
  daemons: string[];
  /** Run once first, unmeasured (the PKI the daemons need). */
  setup: string[];
  /** Measured rounds, per demo id. */
  rounds: Record<string, number>;
  warmup: number;
  intervalMs: number;
}

export type ReadyBenchTimes = Record<string, { byHand: number[]; orchestrator: number[] }>;

const ATTEMPT_TIMEOUT_MS = 2_000;
const READY_TIMEOUT_MS = 60_000;

/** One attempt of the same check the demo declares: an https GET with the TLS files, or a socket connect. */
function checkOnce(spec: ProbeSpec, workspace: string): Promise<boolean> {
  return new Promise((done) => {
    if (spec.type === 'socket') {
      const socket = connect(resolve(workspace, spec.path));
      socket.once('connect', () => (socket.destroy(), done(true)));
      socket.once('error', () => done(false));
      return;
    }
    if (spec.type !== 'http') throw new Error(`ready-bench measures http and socket checks, got ${spec.type}`);
    const file = (name: string | undefined): Buffer | undefined => (name === undefined ? undefined : readFileSync(resolve(workspace, name)));
    const tls = { ca: file(spec.ca), cert: file(spec.cert), key: file(spec.key), rejectUnauthorized: spec.insecure !== true };
    const req = request(spec.url, { agent: false, timeout: ATTEMPT_TIMEOUT_MS, ...tls }, (response) => {
      response.resume();
      done((response.statusCode ?? 0) >= 200 && (response.statusCode ?? 0) < 300);
    });
    req.once('error', () => done(false));
    req.once('timeout', () => req.destroy());
    req.end();
  });
}

async function startByHand(demo: DemoDefinition, config: ReadyBenchConfig): Promise<number> {
  const started = performance.now();
  const child = execa('bash', ['-o', 'pipefail', '-c', demo.command], {
    cwd: config.workspace,
    env: { PATH: `${join(config.workspace, 'bin')}:${process.env['PATH'] ?? '/usr/bin:/bin'}` },
    stdin: 'ignore',
    stdout: 'ignore',
    stderr: 'ignore',
    reject: false,
    cleanup: true,
    detached: true,
  });
  let exited = false;
  void child.then(() => (exited = true));
  try {
    for (;;) {
      if (demo.ready === undefined || (await checkOnce(demo.ready, config.workspace))) return performance.now() - started;
      if (exited) throw new Error(`${demo.id} exited before it was ready (by hand)`);
      if (performance.now() - started > READY_TIMEOUT_MS) throw new Error(`${demo.id} not ready within ${READY_TIMEOUT_MS} ms (by hand)`);
      await delay(config.intervalMs);
    }
  } finally {
    // Its own process group (detached): the whole command, whatever bash made of it.
    if (child.pid !== undefined && !exited) process.kill(-child.pid, 'SIGTERM');
    await child;
  }
}

async function clean(demo: DemoDefinition, workspace: string): Promise<void> {
  if (demo.command.includes('--data-dir etcd-data')) await rm(join(workspace, 'etcd-data'), { recursive: true, force: true });
}

async function measure(config: ReadyBenchConfig): Promise<ReadyBenchTimes> {
  const orchestrator = createOrchestrator({ manifest: config.manifest, workspace: config.workspace, probeIntervalMs: config.intervalMs });
  try {
    for (const id of config.setup) {
      const snapshot = await orchestrator.run(id);
      if (snapshot.state !== 'exited' || snapshot.exitCode !== 0) throw new Error(`${id} failed: ${snapshot.message ?? snapshot.output}`);
    }
    const times: ReadyBenchTimes = {};
    for (const id of config.daemons) {
      const demo = config.manifest.demos.find((candidate) => candidate.id === id) as DemoDefinition;
      const byClick = async (): Promise<number> => {
        const started = performance.now();
        const snapshot = await orchestrator.run(id);
        const elapsed = performance.now() - started;
        await orchestrator.stop(id);
        if (snapshot.state !== 'ready') throw new Error(`${id} not ready through the orchestrator: ${snapshot.message ?? ''}`);
        return elapsed;
      };
      const entry = { byHand: [] as number[], orchestrator: [] as number[] };
      const byHandRound = async (): Promise<number> => {
        await clean(demo, config.workspace);
        return startByHand(demo, config);
      };
      const byClickRound = async (): Promise<number> => {
        await clean(demo, config.workspace);
        return byClick();
      };
      for (let round = 0; round < config.warmup + (config.rounds[id] ?? 5); round += 1) {
        // Alternate which side goes first (ABBA), so neither always starts on a warmer machine.
        const first = round % 2 === 0;
        const byHand = first ? await byHandRound() : 0;
        const byOrchestrator = await byClickRound();
        const byHandTime = first ? byHand : await byHandRound();
        if (round >= config.warmup) {
          entry.byHand.push(byHandTime);
          entry.orchestrator.push(byOrchestrator);
        }
      }
      await clean(demo, config.workspace);
      times[id] = entry;
    }
    return times;
  } finally {
    await orchestrator.dispose();
  }
}

const config = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as ReadyBenchConfig;
process.stdout.write(`RESULT ${JSON.stringify(await measure(config))}\n`);
