// The live deck end to end, as the speaker uses it: `demystify serve` on a free port, the real deck
// in Debian's Chromium, real cfssl, kubectl and etcd. Run → output in the slide's log region; the
// presenter view and a reloaded tab show the same; etcd ready then stopped (and gone); `r` runs the
// slide's next demo; a missing kube binary says which and how to fetch it; a stopped server shows
// the "connection lost" banner, and a restarted one (new secret) says to open its new address, after
// which the page follows again. No page error, no console error, no request off loopback.
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { isPortFree } from '../../src/orchestrator/index.ts';
import type { DemoManifest } from '../../src/shared/index.ts';
import { startServeCommand } from '../fixtures/decks/start-serve-command.ts';
import type { ServeProcess } from '../fixtures/decks/start-serve-command.ts';
import { readActiveSlide } from './helpers/deck-navigation.ts';
import { listWorkspaceProcesses } from './live/demo-processes.ts';
import { watchLivePage } from './live/live-page-watch.ts';
import type { PageProblem } from './live/live-page-watch.ts';

test.describe.configure({ mode: 'serial' });

const ETCD_PORTS = [2379, 2380];
const PORT_WAIT_MS = 60_000;
/** What Chromium says when the server it was streaming from is gone (the last test stops it on purpose). */
const SERVER_GONE = /ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|ERR_EMPTY_RESPONSE|Failed to load resource/;

let root = '';
let workspace = '';
let serve: ServeProcess | undefined;
let servePort = 0;
let manifest: DemoManifest;
let context: BrowserContext;
let deck: Page;
const problems: PageProblem[][] = [];
let stoppedAt = Number.POSITIVE_INFINITY;
let etcdPortsFree = false;

const serveArgs = (): string[] => ['--no-watch', '--workspace', workspace, '--recordings', join(root, 'recordings'), '--out', join(root, 'dist')];
// An empty binaries cache: the kube binaries are missing whatever this machine fetched.
const serveEnv = (): NodeJS.ProcessEnv => ({ DEMYSTIFY_CACHE_DIR: join(root, 'cache') });

async function waitForPortsFree(ports: number[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const free = await Promise.all(ports.map((port) => isPortFree(port)));
    if (free.every(Boolean)) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  root = mkdtempSync(join(tmpdir(), 'demystify-e2e-live-'));
  workspace = join(realpathSync(root), 'workspace');
  // etcd's ports are the talk's: another test may hold them for a while.
  etcdPortsFree = await waitForPortsFree(ETCD_PORTS, PORT_WAIT_MS);
  serve = await startServeCommand(serveArgs(), { env: serveEnv() });
  servePort = serve.port;
  manifest = JSON.parse(readFileSync(join(root, 'dist', 'deck', 'demos.json'), 'utf8')) as DemoManifest;
  context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  deck = await context.newPage();
  problems.push(await watchLivePage(deck, 'deck'));
  const landed = await deck.goto(serve.url);
  expect(new URL(deck.url()).search, 'the secret leaves the address bar').toBe('');
  expect(landed?.status()).toBe(200);
});

test.afterAll(async () => {
  await context?.close();
  const exit = serve?.stop();
  await exit;
  serve = undefined;
  const left = workspace ? listWorkspaceProcesses(workspace) : [];
  if (root) rmSync(root, { recursive: true, force: true });
  expect(left, 'processes left running in the workspace').toEqual([]);
});

test.afterEach(() => {
  const serious = problems.flat().filter((problem) => !(problem.at >= stoppedAt && SERVER_GONE.test(problem.text)));
  expect(serious.map((problem) => problem.text)).toEqual([]);
});

function slideOf(id: string): number {
  const demo = manifest.demos.find((candidate) => candidate.id === id);
  if (!demo) throw new Error(`No demo ${id} in the deck`);
  return demo.slide;
}

function blockOf(page: Page, id: string): Locator {
  return page.locator(`section[id="${slideOf(id)}"] .demystify-demo[data-demo-id="${id}"]`);
}

async function openSlide(page: Page, id: string, view?: 'presenter'): Promise<Locator> {
  const slide = slideOf(id);
  await page.goto(`${serve?.origin ?? ''}/${view ? `?view=${view}` : ''}#${slide}`);
  await expect.poll(() => readActiveSlide(page), `slide ${slide} (${id}) active`).toBe(slide);
  const block = blockOf(page, id);
  await expect(block).toBeVisible();
  return block;
}

test('Run on the PKI slide streams cfssl’s output into the slide, which ends exited', async () => {
  const block = await openSlide(deck, 'pki');
  await expect(block).toHaveAttribute('data-demo-state', 'idle');
  await block.locator('button[data-demo-action="run"]').click();
  await expect(block).toHaveAttribute('data-demo-state', 'exited', { timeout: 30_000 });
  const log = block.getByRole('log');
  await expect(log).toContainText('generating a new CA key and certificate from CSR');
  await expect(log).toContainText('signed certificate with serial number');
  await expect(block.locator('[data-demo-status]')).toContainText('code de sortie 0');
  await deck.screenshot({ path: test.info().outputPath('pki-exited.png') });
});

test('the presenter view, on the same slide, shows the same output', async () => {
  const presenter = await context.newPage();
  problems.push(await watchLivePage(presenter, 'presenter'));
  try {
    const block = await openSlide(presenter, 'pki', 'presenter');
    await expect(presenter.locator('.bespoke-marp-presenter-container')).toBeVisible();
    await expect(block).toHaveAttribute('data-demo-state', 'exited');
    await expect(block.getByRole('log')).toContainText('signed certificate with serial number');
    const audience = await blockOf(deck, 'pki').getByRole('log').innerText();
    expect(await block.getByRole('log').innerText()).toBe(audience);
  } finally {
    await presenter.close();
  }
});

test('a reloaded tab re-attaches: the state and the output are still there', async () => {
  const before = await blockOf(deck, 'pki').getByRole('log').innerText();
  await deck.reload();
  await expect.poll(() => readActiveSlide(deck)).toBe(slideOf('pki'));
  const block = blockOf(deck, 'pki');
  await expect(block).toHaveAttribute('data-demo-state', 'exited');
  await expect(block.getByRole('log')).toContainText('signed certificate with serial number');
  expect(await block.getByRole('log').innerText()).toBe(before);
});

test('pressing r on a demo slide runs its next demo', async () => {
  const block = await openSlide(deck, 'kubeconfig');
  await expect(block).toHaveAttribute('data-demo-state', 'idle');
  await deck.keyboard.press('r');
  await expect(block).toHaveAttribute('data-demo-state', 'exited', { timeout: 30_000 });
  await expect(block.getByRole('log')).toContainText('Cluster "demystifions-kubernetes" set.');
  await expect(block.locator('[data-demo-status]')).toContainText('code de sortie 0');
});

test('etcd: Run until ready, a missing kube-apiserver says which binary and how to fetch it, Stop until exited and gone', async () => {
  test.skip(!etcdPortsFree, `ports ${ETCD_PORTS.join(', ')} stayed taken by another program for ${PORT_WAIT_MS / 1000} s`);
  const etcd = await openSlide(deck, 'etcd');
  await etcd.locator('button[data-demo-action="run"]').click();
  await expect(etcd).toHaveAttribute('data-demo-state', 'ready', { timeout: 45_000 });
  await expect(etcd.getByRole('log')).toContainText('ready to serve client requests');
  await expect(deck.locator(`section[id="${slideOf('etcd')}"] .demystify-strip__chip`)).toHaveText(['etcd']);
  expect(listWorkspaceProcesses(workspace).map((process) => process.comm)).toContain('etcd');
  await deck.screenshot({ path: test.info().outputPath('etcd-ready.png') });

  const apiserver = await openSlide(deck, 'kube-apiserver');
  await apiserver.locator('button[data-demo-action="run"]').click();
  await expect(apiserver).toHaveAttribute('data-demo-state', 'failed', { timeout: 15_000 });
  await expect(apiserver.getByRole('log')).toContainText('bin/kube-apiserver est introuvable');
  await expect(apiserver.getByRole('log')).toContainText('npx demystify fetch');
  await expect(apiserver.locator('button[data-demo-action="stop"]'), 'nothing to stop on a failed daemon').toBeDisabled();
  await deck.screenshot({ path: test.info().outputPath('kube-apiserver-missing.png') });

  const again = await openSlide(deck, 'etcd');
  await expect(again).toHaveAttribute('data-demo-state', 'ready');
  await again.locator('button[data-demo-action="stop"]').click();
  await expect(again).toHaveAttribute('data-demo-state', 'exited', { timeout: 15_000 });
  await expect(again.locator('[data-demo-status]')).toContainText('arrêté');
  await expect(again.locator('button[data-demo-action="stop"]')).toBeDisabled();
  await expect.poll(() => listWorkspaceProcesses(workspace).map((process) => process.comm), { timeout: 10_000 }).not.toContain('etcd');
  expect(await waitForPortsFree(ETCD_PORTS, 5_000)).toBe(true);
});

test('the page says the connection is lost when the server stops', async () => {
  const banner = deck.locator('.demystify-connection');
  await expect(banner).toBeHidden();
  stoppedAt = Date.now();
  expect(await serve?.stop()).toMatchObject({ exitCode: 0 });
  serve = undefined;
  await expect(banner).toBeVisible({ timeout: 10_000 });
  await expect(banner).toContainText('Connexion perdue');
  expect(listWorkspaceProcesses(workspace)).toEqual([]);
});

test('after a restart (a new secret) the page says to open the new address, and follows once it is opened', async () => {
  test.setTimeout(180_000);
  serve = await startServeCommand(['--port', String(servePort), ...serveArgs()], { env: serveEnv() });
  const banner = deck.locator('.demystify-connection');
  await expect(banner).toContainText('a redémarré', { timeout: 10_000 });
  await expect(banner).toContainText('Deck:');
  await deck.screenshot({ path: test.info().outputPath('restarted-banner.png') });
  const login = await context.newPage();
  await login.goto(serve.url);
  await login.close();
  await expect(banner).toBeHidden({ timeout: 10_000 });
  await expect(blockOf(deck, 'pki')).toHaveAttribute('data-demo-state', 'idle');
});
