// The best peer path of docs/performance.md, measured in the same run as our panel: `cat` of the same
// flood → Node → SSE → asciinema-player 3.18's own eventsource driver (no buffering delay), in a page
// of the same size — timed from the player's creation until its terminal shows the flood's last line,
// with the longest main-thread task and the frame rate, as for our panel.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { PROJECT_ROOT } from '../src/cli/project-root.ts';
import { FLOOD_END_MARK, installFloodMeter, PANEL_TIMEOUT_MS } from './live-flood-page.ts';
import type { FloodMeter, PanelFlood } from './live-flood-page.ts';

const PLAYER_DIR = join(PROJECT_ROOT, 'node_modules', 'asciinema-player', 'dist', 'bundle');
/** Our panel is about this wide in the flood deck; the player gets a classic terminal height. */
const COLS = 120;
const ROWS = 24;

const PAGE = `<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="/player.css">
<script src="/player.js"></script><body style="margin:0;background:#000"><div id="player"></div></body>`;

/** Serves the player and streams `cat floodFile` to it as asciicast events over SSE, with pushback. */
async function startPeerServer(floodFile: string): Promise<{ origin: string; close(): Promise<void> }> {
  const script = readFileSync(join(PLAYER_DIR, 'asciinema-player.min.js'));
  const styles = readFileSync(join(PLAYER_DIR, 'asciinema-player.css'));
  const server = createServer((request, response) => {
    if (request.url === '/') return void response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(PAGE);
    if (request.url === '/player.js') return void response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
    if (request.url === '/player.css') return void response.writeHead(200, { 'Content-Type': 'text/css' }).end(styles);
    if (request.url !== '/stream') return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
    response.write(`data: ${JSON.stringify({ cols: COLS, rows: ROWS, time: 0 })}\n\n`);
    const started = performance.now();
    const cat = spawn('cat', [floodFile], { stdio: ['ignore', 'pipe', 'ignore'] });
    cat.stdout.setEncoding('utf8');
    cat.stdout.on('data', (chunk: string) => {
      const time = (performance.now() - started) / 1000;
      if (!response.write(`data: ${JSON.stringify([time, 'o', chunk])}\n\n`)) {
        cat.stdout.pause();
        response.once('drain', () => cat.stdout.resume());
      }
    });
    cat.stdout.on('end', () => response.end('event: done\ndata: {}\n\n'));
    response.on('close', () => cat.kill());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One flood into asciinema-player in a fresh page of `context`. */
export async function floodIntoPeerPlayer(context: BrowserContext, floodFile: string): Promise<PanelFlood> {
  const server = await startPeerServer(floodFile);
  const page = await context.newPage();
  try {
    await page.goto(`${server.origin}/`);
    await installFloodMeter(page);
    const measure = await page.evaluate(
      ({ mark, cols, rows, timeoutMs }) => {
        const element = document.getElementById('player') as HTMLElement;
        const player = (window as unknown as { AsciinemaPlayer: { create(src: object, element: HTMLElement, options: object): unknown } }).AsciinemaPlayer;
        const meter = (window as unknown as { __floodMeter: FloodMeter }).__floodMeter;
        return meter(
          () => player.create({ driver: 'eventsource', url: '/stream', bufferTime: 0 }, element, { autoPlay: true, cols, rows, fit: false }),
          () => (element.textContent ?? '').includes(mark),
          timeoutMs,
          () => `asciinema-player did not show ${mark}`,
        );
      },
      { mark: FLOOD_END_MARK, cols: COLS, rows: ROWS, timeoutMs: PANEL_TIMEOUT_MS },
    );
    return { ...measure, reopenedStreams: 0 };
  } finally {
    await page.close();
    await server.close();
  }
}
