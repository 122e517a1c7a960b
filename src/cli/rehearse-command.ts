// `demystify rehearse`: before the talk, run every demo in talk order, headless, as the speaker will
// click them (the same talk session as `serve`: deck, workspace, orchestrator, recorder), record
// each run (demos/recordings/<id>.cast; only a run that ends well replaces a recording), and report
// the timings (a table on stdout, dist/rehearsal.svg). Stops at the first step that fails, prints
// its output tail, exits 1. Everything it started is stopped; a temporary workspace is removed.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import type { CastRecordingResult } from '../recording/index.ts';
import { DemystifyError, formatRecordingDate } from '../shared/index.ts';
import { listMountsUnder } from '../workspace/index.ts';
import { PROJECT_ROOT } from './project-root.ts';
import { createRehearsalPlan, renderRehearsalChart, renderRehearsalTable, renderStepEnding, runRehearsal } from './rehearse/index.ts';
import type { RehearsalSelection } from './rehearse/index.ts';
import { openTalkSession, RECORDINGS_DIR } from './talk-session.ts';

export const REHEARSE_USAGE = `Usage: demystify rehearse [options]      (npm run rehearse -- [options])

Runs the deck's demos in talk order, headless, each to ready (daemon) or exit (command), records
each run into the recordings folder (a run that ends well replaces the previous recording), prints
the timings and writes them as an SVG chart. Stops at the first failing step with its output tail
and exits 1. Stops everything it started at the end.

Options:
  --only <a,b>        only these demos (and what they need)
  --from <id>         start at this demo (what it needs runs too)
  --until <id>        stop after this demo
  --online            include the online options (titles saying "en ligne": Cilium, Traefik…)
  --workspace <dir>   run in this workspace (default: a temporary one, removed afterwards)
  --recordings <dir>  where recordings go (default: ${RECORDINGS_DIR})
  --chart <file>      the timings chart (default: <out>/rehearsal.svg)
  --report <file>     also write the results as JSON (timings, endings, output tails, recordings)
  --source <file>     the Markdown deck (default: slides/demystifions-kubernetes.md)
  --out <dir>         build output folder (default: dist)
  -h, --help          show this help

Example (what runs without the Kubernetes binaries): demystify rehearse --until etcd-put`;

interface RehearseOptions extends RehearsalSelection {
  workspace?: string;
  recordings?: string;
  chart?: string;
  report?: string;
  source?: string;
  out?: string;
  help: boolean;
}

export function parseRehearseArgs(args: string[]): RehearseOptions {
  try {
    const { values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        only: { type: 'string' },
        from: { type: 'string' },
        until: { type: 'string' },
        online: { type: 'boolean' },
        workspace: { type: 'string' },
        recordings: { type: 'string' },
        chart: { type: 'string' },
        report: { type: 'string' },
        source: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    const only = values.only?.split(',').map((id) => id.trim()).filter(Boolean);
    return { ...values, only, help: values.help ?? false };
  } catch (error) {
    throw new DemystifyError('BAD_INPUT', `${(error as Error).message}. Expected the options of \`demystify rehearse --help\`.`, { cause: error });
  }
}

export async function runRehearseCommand(args: string[], root: string = PROJECT_ROOT): Promise<number> {
  const options = parseRehearseArgs(args);
  if (options.help) {
    console.log(REHEARSE_USAGE);
    return 0;
  }
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const showPath = (path: string): string => {
    const shown = relative(root, path);
    return shown === '' ? '.' : shown.startsWith('..') ? path : shown;
  };
  const temporary = options.workspace === undefined ? await mkdtemp(join(tmpdir(), 'demystify-rehearse-')) : undefined;
  const recordings = new Map<string, CastRecordingResult | undefined>();
  let session;
  try {
    session = await openTalkSession({
      root,
      mode: 'live',
      source: options.source,
      outDir: options.out,
      workspace: temporary === undefined ? options.workspace : join(temporary, 'workspace'),
      recordingsDir: options.recordings,
      log,
      onRecordingSaved: (demoId, result) => recordings.set(demoId, result),
    });
  } catch (error) {
    if (temporary !== undefined) await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  const { orchestrator } = session;
  if (orchestrator === undefined) throw new DemystifyError('INTERNAL', 'Expected a live talk session for the rehearsal, got a replay one.');
  const plan = createRehearsalPlan(session.build.manifest, options);
  log(`Rehearsal: ${plan.steps.length} step(s) in ${showPath(session.workspace)}, recordings in ${showPath(resolve(root, options.recordings ?? RECORDINGS_DIR))}.`);

  let cancelled = false;
  const onSignal = (): void => {
    if (cancelled) {
      session.killNow();
      process.exit(130);
    }
    cancelled = true;
    log('Interrupted: stopping the demos (again to kill them)…');
    void orchestrator.stopAll();
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, onSignal);
  let outcome;
  try {
    outcome = await runRehearsal({
      steps: plan.steps,
      run: (id) => orchestrator.run(id),
      isCancelled: () => cancelled,
      onStep: (step, result) => {
        if (!result) log(`▶ ${step.demo.id} (${step.demo.kind})…`);
        else log(`  ${result.ok ? '✔' : '✘'} ${renderStepEnding(result)} in ${result.seconds.toFixed(2)} s`);
      },
    });
  } finally {
    // Stops the daemons (their recordings are saved then) and waits for every recording.
    await session.close();
    for (const signal of signals) process.off(signal, onSignal);
    if (temporary !== undefined) await removeTemporaryWorkspace(temporary, log);
  }

  const ran = new Set(outcome.results.map((result) => result.id));
  const notRun = plan.steps.map((step) => step.demo.id).filter((id) => !ran.has(id));
  console.log(renderRehearsalTable({ results: outcome.results, recordings, notRun, skipped: plan.skipped, showPath }));
  const chart = resolve(root, options.chart ?? join(options.out ?? 'dist', 'rehearsal.svg'));
  await mkdir(dirname(chart), { recursive: true });
  await writeFile(chart, renderRehearsalChart(outcome.results, `Répétition du ${formatRecordingDate(Date.now())}`));
  console.log(`Timings chart: ${showPath(chart)}`);
  if (options.report !== undefined) {
    const report = resolve(root, options.report);
    await mkdir(dirname(report), { recursive: true });
    await writeFile(report, `${JSON.stringify({ at: new Date().toISOString(), results: outcome.results, notRun, skipped: plan.skipped, recordings: Object.fromEntries(recordings) }, null, 2)}\n`);
  }

  const { failed } = outcome;
  if (failed) {
    log(`\n✘ The rehearsal stopped at ${failed.id}: ${renderStepEnding(failed)}.`);
    if (failed.message) log(failed.message);
    log(failed.outputTail ? `Last output of ${failed.id}:\n${failed.outputTail.replace(/^/gm, '  | ')}` : `${failed.id} printed nothing.`);
    return 1;
  }
  return cancelled ? 130 : 0;
}

/** Removes the temporary workspace, unmounting first anything a demo left mounted under it. */
async function removeTemporaryWorkspace(dir: string, log: (line: string) => void): Promise<void> {
  for (const mountPoint of (await listMountsUnder([dir])).reverse()) {
    const result = await execa('umount', ['-l', mountPoint], { reject: false });
    if (result.exitCode !== 0) log(`Could not unmount ${mountPoint}: ${String(result.stderr)}`);
  }
  await rm(dir, { recursive: true, force: true });
}
