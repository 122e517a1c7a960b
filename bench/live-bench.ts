// The live demos' bench (`npm run bench`): click-to-first-byte latency and a 50 MB flood into the
// slide, each against its baselines measured in the same run (a bare spawn; `cat`, a counting-only
// page, asciinema-player's eventsource driver), with the issue's targets (and the tighter aims of
// docs/performance.md).
import type { Bench } from './bench.ts';
import { formatRatio } from './bench.ts';
import { measureClickToFirstByte } from './live-latency.ts';
import { measureFloodIntoPage } from './live-flood.ts';

export const LATENCY_SAMPLES = 40;
export const FLOOD_RUNS = 3;
export const TARGETS = {
  addedLatencyP50Ms: 30,
  aimAddedLatencyP50Ms: 5,
  panelMBps: 20,
  longestTaskMs: 100,
  aimLongestTaskMs: 50,
  fps: 50,
  serverRssMiB: 150,
} as const;

const verdict = (met: boolean): string => (met ? 'met' : 'NOT met');
const ms = (value: number): string => `${value.toFixed(1)} ms`;
const mbps = (value: number): string => `${value.toFixed(1)} MB/s`;

export async function runLiveBench(): Promise<void> {
  const latency = await measureClickToFirstByte(LATENCY_SAMPLES);
  const added = latency.live.p50 - latency.direct.p50;
  console.log(`click-to-first-byte, ${latency.samples} samples alternating (echo bonjour):`);
  console.log(`  bare child_process.spawn  p50 ${ms(latency.direct.p50)} · p95 ${ms(latency.direct.p95)}`);
  console.log(`  POST /api/run → SSE byte  p50 ${ms(latency.live.p50)} · p95 ${ms(latency.live.p95)} → ${formatRatio(latency.live.p50 / latency.direct.p50)} at p50, ${formatRatio(latency.live.p95 / latency.direct.p95)} at p95`);
  console.log(`  added at p50: ${ms(added)} — target ≤ ${TARGETS.addedLatencyP50Ms} ms: ${verdict(added <= TARGETS.addedLatencyP50Ms)}; aim ≤ ${TARGETS.aimAddedLatencyP50Ms} ms: ${verdict(added <= TARGETS.aimAddedLatencyP50Ms)}`);

  const flood = await measureFloodIntoPage(FLOOD_RUNS);
  console.log(`flood of ${flood.bytes / 1e6} MB of klog-style lines into the slide, ${FLOOD_RUNS} runs (medians):`);
  console.log(`  cat to /dev/null ${mbps(flood.catMBps)} · page counting only ${mbps(flood.countingMBps)} · into the panel ${mbps(flood.panelMBps)}`);
  console.log(`  the counting page received ${(flood.countingReceivedBytes / 1e6).toFixed(1)} MB of output (events and snapshots; the terminal turns each \\n into \\r\\n)`);
  console.log(`  panel / counting-only ${formatRatio(flood.panelMBps / flood.countingMBps)} · panel / cat ${formatRatio(flood.panelMBps / flood.catMBps)}`);
  console.log(
    `  peer: cat → Node → SSE → asciinema-player 3.18's eventsource driver ${mbps(flood.peerMBps)}, longest task ${flood.peerLongestTaskMs === 0 ? 'none ≥ 50 ms' : ms(flood.peerLongestTaskMs)}, lowest ${flood.peerFps.toFixed(0)} fps → panel / peer ${formatRatio(flood.panelMBps / flood.peerMBps)} — aim > 1×: ${verdict(flood.panelMBps > flood.peerMBps)}`,
  );
  console.log(`  per run: ${flood.panelRuns.map((run) => `${(run.ms / 1000).toFixed(2)} s, longest task ${run.longestTaskMs.toFixed(0)} ms (${run.longTasks} ≥ 50 ms), ${run.fps.toFixed(0)} fps, ${run.reopenedStreams} restart(s) from a snapshot`).join(' | ')}`);
  console.log(`  ≥ ${TARGETS.panelMBps} MB/s into the page: ${verdict(flood.panelMBps >= TARGETS.panelMBps)}`);
  console.log(`  longest main-thread task ${flood.longestTaskMs === 0 ? 'none ≥ 50 ms' : ms(flood.longestTaskMs)} — target ≤ ${TARGETS.longestTaskMs} ms: ${verdict(flood.longestTaskMs <= TARGETS.longestTaskMs)}; aim ≤ ${TARGETS.aimLongestTaskMs} ms: ${verdict(flood.longestTaskMs <= TARGETS.aimLongestTaskMs)}`);
  console.log(`  lowest frame rate ${flood.fps.toFixed(0)} fps — aim ≥ ${TARGETS.fps}: ${verdict(flood.fps >= TARGETS.fps)}`);
  console.log(`  server CPU time per flood: ${flood.serverCpuSeconds.toFixed(2)} s (the page, the flood's own program and the browser share this machine's cores)`);
  console.log(`  server (demystify serve) resident memory: ${flood.serverRssBeforeMiB.toFixed(0)} MiB before, peak ${flood.serverRssPeakMiB.toFixed(0)} MiB during the floods (+${(flood.serverRssPeakMiB - flood.serverRssBeforeMiB).toFixed(0)}), lifetime peak ${flood.serverHwmMiB.toFixed(0)} MiB (deck build included)`);
  console.log(`  ≤ ${TARGETS.serverRssMiB} MiB during the flood: ${verdict(flood.serverRssPeakMiB <= TARGETS.serverRssMiB)}`);

  // Bounded whatever the flood size: four times the bytes, a fresh server, the same page.
  const big = await measureFloodIntoPage(1, 'flood-200');
  console.log(`flood of ${big.bytes / 1e6} MB into the slide, 1 run: ${mbps(big.panelMBps)} into the panel, longest task ${big.longestTaskMs === 0 ? 'none ≥ 50 ms' : ms(big.longestTaskMs)}, ${big.fps.toFixed(0)} fps`);
  console.log(`  server resident memory: ${big.serverRssBeforeMiB.toFixed(0)} MiB before, peak ${big.serverRssPeakMiB.toFixed(0)} MiB → ${formatRatio(big.serverRssPeakMiB / flood.serverRssPeakMiB)} the 50 MB flood's peak for 4× the bytes`);
  console.log(`  ≤ ${TARGETS.serverRssMiB} MiB during the flood: ${verdict(big.serverRssPeakMiB <= TARGETS.serverRssMiB)}`);
}

export const liveBench: Bench = { name: 'live demos: click-to-first-byte and a flood into the slide', run: runLiveBench };
