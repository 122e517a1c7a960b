// A 50 MB flood of klog-style lines from a process into the slide, end to end: `demystify serve` on a
// one-demo fixture deck, the real deck page and client in headless Debian Chromium, timed from the
// click until the panel has drawn the last line — with the longest main-thread task, the frame rate
// and the server's memory during the flood. Baselines in the same run: `cat` of the same bytes to
// /dev/null, a page that only counts the output it receives over the event stream, and the best
// peer path of docs/performance.md (asciinema-player's eventsource driver).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { execa } from 'execa';
import { chromium } from 'playwright-core';
import type { Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../src/deck/chromium.ts';
import { createLiveServeEnv, FIXTURE_PROGRAMS } from '../test/fixtures/decks/live-deck.ts';
import { startServeCommand } from '../test/fixtures/decks/start-serve-command.ts';
import { readProcessCpuSeconds } from '../src/orchestrator/index.ts';
import { median } from './bench.ts';
import { countOutputInPage, floodIntoPanel } from './live-flood-page.ts';
import { floodIntoPeerPlayer } from './live-flood-peer.ts';
import type { PanelFlood } from './live-flood-page.ts';
import { readProcessMemory as sampleMemory } from '../test/integration/server/support/process-memory.ts';

export const FLOOD_DECK = 'test/fixtures/decks/flood/deck.md';
/** The flood demos of the fixture deck, by size. */
export const FLOODS = { 'flood': 50_000_000, 'flood-200': 200_000_000 } as const;
export type FloodDemo = keyof typeof FLOODS;
/** The flood slide of the fixture deck. */
const FLOOD_SLIDE = 2;

export interface FloodResult {
  bytes: number;
  /** Medians, MB/s (10^6 bytes/s). */
  catMBps: number;
  countingMBps: number;
  /** Output bytes the counting page received (less than the flood when it fell behind and got snapshots). */
  countingReceivedBytes: number;
  panelMBps: number;
  /** Worst panel run: longest main-thread task seen (0 when none reached 50 ms), lowest frame rate. */
  longestTaskMs: number;
  fps: number;
  panelRuns: PanelFlood[];
  /** The same flood through asciinema-player's eventsource driver (`cat` → Node → SSE): median MB/s; worst task and frame rate. */
  peerMBps: number;
  peerLongestTaskMs: number;
  peerFps: number;
  /** CPU time the server spent per panel flood (median), seconds. */
  serverCpuSeconds: number;
  serverRssBeforeMiB: number;
  serverRssPeakMiB: number;
  serverHwmMiB: number;
}

export async function measureFloodIntoPage(runs: number, demoId: FloodDemo = 'flood'): Promise<FloodResult> {
  const floodBytes = FLOODS[demoId];
  const root = mkdtempSync(join(tmpdir(), 'demystify-bench-live-'));
  const serve = await startServeCommand(['--no-watch', '--source', FLOOD_DECK, '--out', join(root, 'dist'), '--workspace', join(root, 'ws'), '--recordings', join(root, 'rec')], {
    env: createLiveServeEnv(join(root, 'cache')),
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const countedBytes: number[] = [];
  try {
    const floodFile = join(root, 'flood.bin');
    await execa(join(FIXTURE_PROGRAMS, 'klog-flood'), [String(floodBytes)], { stdout: { file: floodFile }, buffer: false });
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    // tsx keeps function names with a `__name` helper that the page's copy of our callbacks lacks.
    await context.addInitScript({ content: 'window.__name = (fn) => fn;' });
    // Count the page's event streams: each one after the first is a fresh start from a snapshot.
    await context.addInitScript({
      content: "window.__streams = 0; const nativeFetch = window.fetch; window.fetch = function (input, init) { if (String(input).includes('/api/events')) window.__streams += 1; return nativeFetch.call(this, input, init); };",
    });
    // The printed URL sets the session cookie for the pages to come.
    const login = await context.newPage();
    await login.goto(serve.url);
    await login.close();

    const memoryBefore = sampleMemory(serve.pid);
    const cat: number[] = [];
    const counting: number[] = [];
    const panel: PanelFlood[] = [];
    const peer: PanelFlood[] = [];
    const serverCpu: number[] = [];
    let rssPeak = 0;
    // One page open at a time: pages of one site share a renderer, and every page follows every demo.
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      await execa('cat', [floodFile], { stdout: 'ignore' });
      cat.push(floodBytes / 1e6 / ((performance.now() - started) / 1000));

      const counter = await context.newPage();
      await counter.goto(`${serve.origin}/demos.json`);
      const counted = await countOutputInPage(counter, demoId);
      counting.push(floodBytes / 1e6 / (counted.ms / 1000));
      countedBytes.push(counted.bytes);
      await counter.close();

      const deck = await context.newPage();
      await openFloodSlide(deck, serve.origin);
      const stopSampling = sampleMemoryWhile(serve.pid, (peak) => (rssPeak = Math.max(rssPeak, peak)));
      const cpuBefore = readProcessCpuSeconds(serve.pid) ?? 0;
      try {
        panel.push(await floodIntoPanel(deck, demoId));
        serverCpu.push((readProcessCpuSeconds(serve.pid) ?? cpuBefore) - cpuBefore);
      } finally {
        stopSampling();
        await deck.close();
      }

      peer.push(await floodIntoPeerPlayer(context, floodFile));
    }
    return {
      bytes: floodBytes,
      catMBps: median(cat),
      countingMBps: median(counting),
      countingReceivedBytes: median(countedBytes),
      panelMBps: median(panel.map((flood) => floodBytes / 1e6 / (flood.ms / 1000))),
      longestTaskMs: Math.max(...panel.map((flood) => flood.longestTaskMs)),
      fps: Math.min(...panel.map((flood) => flood.fps)),
      panelRuns: panel,
      peerMBps: median(peer.map((flood) => floodBytes / 1e6 / (flood.ms / 1000))),
      peerLongestTaskMs: Math.max(...peer.map((flood) => flood.longestTaskMs)),
      peerFps: Math.min(...peer.map((flood) => flood.fps)),
      serverCpuSeconds: median(serverCpu),
      serverRssBeforeMiB: memoryBefore.rssMiB,
      serverRssPeakMiB: rssPeak,
      serverHwmMiB: sampleMemory(serve.pid).peakMiB,
    };
  } finally {
    await browser.close();
    await serve.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

async function openFloodSlide(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/#${FLOOD_SLIDE}`);
  await page.locator(`section[id="${FLOOD_SLIDE}"] [data-demo-id="flood"]`).waitFor({ state: 'visible' });
  await page.waitForFunction(() => document.documentElement.dataset['demystifyMode'] === 'live');
}

/** Samples the server's resident memory every 20 ms; returns the function that stops it. */
function sampleMemoryWhile(pid: number, onSample: (rssMiB: number) => void): () => void {
  const timer = setInterval(() => onSample(sampleMemory(pid).rssMiB), 20);
  return () => {
    clearInterval(timer);
    onSample(sampleMemory(pid).rssMiB);
  };
}
