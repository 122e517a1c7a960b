// `demystify rehearse` on the real deck, with the real components this machine has (cfssl, kubectl,
// etcd, containerd, ctr), each rehearsal in a throw-away network + mount namespace (etcd on 2379
// and containerd on /run/containerd/containerd.sock as in the talk, without touching the host).
// Every recording must play in `asciinema play` and hold what the live run printed; a step whose
// binary is missing stops the rehearsal with the fix to run.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBinaries } from '../../../src/binaries/index.ts';
import { stripTerminalCodes } from '../../../src/orchestrator/index.ts';
import { readCast } from '../../../src/recording/index.ts';
import { selectRecordedOutcome } from '../../../src/shared/index.ts';
import { findIsolationBlocker, wrapInIsolatedNode } from './support/isolated-node.ts';
import { runRehearse } from './support/run-rehearse.ts';
import type { RehearseResult } from './support/run-rehearse.ts';

const STEPS = ['pki', 'kubeconfig', 'etcd', 'etcd-put', 'containerd', 'ctr-version'] as const;
const DAEMONS = new Set(['etcd', 'containerd']);
const blocker = await findIsolationBlocker();
const missing = (await resolveBinaries()).filter((binary) => binary.source === 'missing').map((binary) => binary.name);
const kubeApiserverMissing = missing.includes('kube-apiserver');

interface Report {
  results: { id: string; ok: boolean; seconds: number; outputTail: string }[];
}

const lines = (text: string): string[] =>
  stripTerminalCodes(text)
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '');

function playWithAsciinema(path: string, configHome: string) {
  // Detached: no controlling terminal, so it plays to stdout without reading keys (as in CI).
  return execa('asciinema', ['play', '-s', '100', '-i', '0.1', path], { stdin: 'ignore', detached: true, reject: false, timeout: 30_000, env: { ASCIINEMA_CONFIG_HOME: configHome } });
}

describe.skipIf(blocker !== undefined || STEPS.some((step) => missing.includes(step === 'pki' ? 'cfssl' : step === 'kubeconfig' ? 'kubectl' : step === 'etcd-put' ? 'etcdctl' : step === 'ctr-version' ? 'ctr' : step)))(
  `demystify rehearse on the steps that run here (${blocker ?? 'isolated node'})`,
  () => {
    let dir = '';
    let result: RehearseResult;
    let report: Report;
    let rehearsalTemps: string[] = [];
    const listRehearsalTemps = async (): Promise<string[]> => (await readdir(tmpdir())).filter((name) => name.startsWith('demystify-rehearse-') && !name.startsWith('demystify-rehearse-it-'));

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'demystify-rehearse-it-'));
      rehearsalTemps = await listRehearsalTemps();
      result = await runRehearse(
        ['--only', STEPS.join(','), '--out', join(dir, 'out'), '--recordings', join(dir, 'recordings'), '--report', join(dir, 'report.json')],
        wrapInIsolatedNode,
      );
      report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8').catch(() => '{"results":[]}')) as Report;
    }, 240_000);

    afterAll(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('runs pki → etcd-put and containerd → ctr-version, each ending well, and prints their timings', () => {
      expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(0);
      for (const step of STEPS) expect(result.stdout).toMatch(new RegExp(`^✔ ${step}\\s+(?:command|daemon)\\s+\\d+\\.\\d\\d s\\s+(?:exit 0|ready)\\s+\\S+${step}\\.cast \\(`, 'm'));
      expect(report.results.map((step) => [step.id, step.ok])).toEqual(STEPS.map((step) => [step, true]));
    });

    it('writes recordings that asciinema plays, holding the live output of each step', async () => {
      for (const step of STEPS) {
        const path = join(dir, 'recordings', `${step}.cast`);
        const played = await playWithAsciinema(path, join(dir, 'asciinema'));
        expect(played.exitCode, `${step}: ${played.stderr}`).toBe(0);
        expect(played.stderr).toBe('');
        // The live output (the run's tail when it settled: a daemon at ready, a command at its exit).
        const live = lines(report.results.find((entry) => entry.id === step)?.outputTail ?? '');
        expect(live.length, `${step} printed something live`).toBeGreaterThan(0);
        const cast = await readCast(path);
        const recorded = lines(selectRecordedOutcome(cast, DAEMONS.has(step) ? ['ready'] : []).output);
        expect(recorded.slice(-live.length), `${step}: the recording up to where the live run settled`).toEqual(live);
        const playedLines = lines(String(played.stdout));
        for (const line of live) expect(playedLines, `${step}: asciinema shows "${line}"`).toContain(line);
      }
    });

    it('records what the talk shows: the etcd key, the kubeconfig context, the containerd server version', async () => {
      const text = async (step: string): Promise<string> =>
        stripTerminalCodes((await readCast(join(dir, 'recordings', `${step}.cast`))).events.filter((event) => event.code === 'o').map((event) => event.data).join(''));
      expect(await text('etcd-put')).toMatch(/^OK\n\/demystifions\nBonjour depuis etcd\n$/);
      expect(await text('kubeconfig')).toMatch(/^Cluster "demystifions-kubernetes" set\.\nUser "admin" set\.\n[\s\S]*Switched to context/);
      expect(await text('ctr-version')).toMatch(/Server:\n {2}Version: /);
      expect(await text('containerd')).toContain('containerd successfully booted');
      const etcd = await readCast(join(dir, 'recordings', 'etcd.cast'));
      expect(etcd.events.filter((event) => event.code === 'm').map((event) => event.data)).toEqual(['ready', expect.stringMatching(/^(?:exit 0|signal SIGTERM)$/)]);
    });

    it('leaves nothing behind: no temporary workspace, nothing in the host’s /run/containerd', async () => {
      expect(await listRehearsalTemps()).toEqual(rehearsalTemps);
      expect(existsSync('/run/containerd/containerd.sock')).toBe(false);
    });

    it.skipIf(!kubeApiserverMissing)('stops at kube-apiserver with BINARY_MISSING and the command that fetches it, after recording what ran', async () => {
      const recordings = join(dir, 'recordings-until-apiserver');
      const failed = await runRehearse(['--until', 'kube-apiserver', '--out', join(dir, 'out'), '--recordings', recordings], wrapInIsolatedNode);
      expect(failed.exitCode).toBe(1);
      expect(failed.stdout).toMatch(/^✘ kube-apiserver\s+daemon\s+\d+\.\d\d s\s+failed \(BINARY_MISSING\)/m);
      expect(failed.stderr).toContain('The rehearsal stopped at kube-apiserver: failed (BINARY_MISSING).');
      expect(failed.stderr).toContain('npx demystify fetch');
      expect((await readdir(recordings)).sort()).toEqual(['etcd-put.cast', 'etcd.cast', 'kubeconfig.cast', 'pki.cast']);
    });
  },
);
