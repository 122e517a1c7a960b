// Replays in Debian's Chromium, end to end: `npm start -- --replay` plays a recording into its slide
// (state `replaying`, then the recorded end state; a daemon holds at `ready` until Stop); a live
// demo that failed offers its recording and replays it; the standalone HTML export replays its
// embedded recordings from file:// with no request at all. The recordings are TEST FIXTURES
// (test/fixtures/casts/replay, every line says "[fixture de test]").
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import type { DemoManifest } from '../../src/shared/index.ts';
import { readActiveSlide } from './helpers/deck-navigation.ts';
import { exportWithRecordings } from './helpers/export-with-recordings.ts';
import { watchPage } from './helpers/page-watch.ts';
import { startServeCommand } from '../fixtures/decks/start-serve-command.ts';
import type { ServeProcess } from '../fixtures/decks/start-serve-command.ts';

test.describe.configure({ mode: 'serial' });

const FIXTURES = fileURLToPath(new URL('../fixtures/casts/replay/', import.meta.url));
const BADGE = 'REJEU — enregistrement du 01/01/2026';
const REPLAY_BUTTON = "▶ Rejouer l'enregistrement";

async function makeRecordings(dir: string, ids: string[]): Promise<string> {
  const recordings = join(dir, 'recordings');
  await mkdir(recordings, { recursive: true });
  for (const id of ids) await cp(join(FIXTURES, `${id}.cast`), join(recordings, `${id}.cast`));
  return recordings;
}

async function readManifest(outDir: string): Promise<DemoManifest> {
  return JSON.parse(await readFile(join(outDir, 'deck', 'demos.json'), 'utf8')) as DemoManifest;
}

/** Opens the slide of a demo and returns its block. */
async function openDemo(page: Page, base: string, manifest: DemoManifest, id: string): Promise<Locator> {
  const slide = manifest.demos.find((demo) => demo.id === id)?.slide ?? 0;
  expect(slide, `demo ${id} is in the deck`).toBeGreaterThan(0);
  await page.goto(`${base}#${slide}`);
  await expect.poll(() => readActiveSlide(page)).toBe(slide);
  return page.locator(`section[id="${slide}"] .demystify-demo[data-demo-id="${id}"]`).first();
}

test.describe('npm start -- --replay', () => {
  let dir = '';
  let serve: ServeProcess | undefined;
  let manifest: DemoManifest;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    dir = await mkdtemp(join(tmpdir(), 'demystify-e2e-replay-'));
    const recordings = await makeRecordings(dir, ['pki', 'etcd']);
    serve = await startServeCommand(['--no-watch', '--replay', '--recordings', recordings, '--out', join(dir, 'out'), '--workspace', join(dir, 'workspace')]);
    manifest = await readManifest(join(dir, 'out'));
  });

  test.afterAll(async () => {
    await serve?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('clicking Run plays the recording into the slide: replaying, then the recorded end state', async ({ page }) => {
    const problems = await watchPage(page);
    await page.goto(serve?.url ?? '');
    const block = await openDemo(page, `${serve?.origin}/`, manifest, 'pki');
    await block.locator('button[data-demo-action="run"]').click();
    await expect(block).toHaveAttribute('data-demo-state', 'replaying');
    await expect(block.locator('[data-demo-status]')).toHaveText(BADGE);
    const log = block.getByRole('log');
    await expect(log).toContainText('[fixture de test] génération de la CA');
    await expect(log.locator('span', { hasText: 'génération de la CA' })).toHaveAttribute('style', /color/);
    await expect(block).toHaveAttribute('data-demo-state', 'exited');
    await expect(log).toContainText('[fixture de test] fin de la PKI');
    await expect(block.locator('[data-demo-status]')).toHaveText(new RegExp(`^${BADGE} · code de sortie 0`));
    expect(problems).toEqual([]);
  });

  test('a daemon’s replay holds at ready (as a live daemon stays up) until Stop ends it', async ({ page }) => {
    const problems = await watchPage(page);
    await page.goto(serve?.url ?? '');
    const block = await openDemo(page, `${serve?.origin}/`, manifest, 'etcd');
    await block.locator('button[data-demo-action="run"]').click();
    await expect(block.locator('[data-demo-status]')).toHaveText(`${BADGE} · opérationnel`);
    await expect(block).toHaveAttribute('data-demo-state', 'replaying');
    await expect(block.getByRole('log')).toContainText('ready to serve client requests');
    await expect(page.locator(`.demystify-strip__chip[data-demo-state="replaying"]`, { hasText: 'etcd' }).first()).toBeAttached();
    await block.locator('button[data-demo-action="stop"]').click();
    await expect(block).toHaveAttribute('data-demo-state', 'exited');
    await expect(block.locator('[data-demo-status]')).toHaveText(`${BADGE} · arrêté (SIGTERM)`);
    await expect(block.getByRole('log')).not.toContainText('shutting down');
    expect(problems).toEqual([]);
  });
});

test.describe('live mode, a failed demo with a recording', () => {
  let dir = '';
  let serve: ServeProcess | undefined;
  let manifest: DemoManifest;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    dir = await mkdtemp(join(tmpdir(), 'demystify-e2e-fallback-'));
    const recordings = await makeRecordings(dir, ['kube-apiserver']);
    serve = await startServeCommand(['--no-watch', '--recordings', recordings, '--out', join(dir, 'out'), '--workspace', join(dir, 'workspace')]);
    manifest = await readManifest(join(dir, 'out'));
  });

  test.afterAll(async () => {
    await serve?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('offers "Rejouer l’enregistrement", which replays it in the same panel and says it is a replay', async ({ page }) => {
    const problems = await watchPage(page);
    await page.goto(serve?.url ?? '');
    const block = await openDemo(page, `${serve?.origin}/`, manifest, 'kube-apiserver');
    const replay = block.getByRole('button', { name: REPLAY_BUTTON });
    await expect(replay).toBeHidden();
    // etcd is not running: the live run fails before anything is spawned.
    await block.locator('button[data-demo-action="run"]').click();
    await expect(block).toHaveAttribute('data-demo-state', 'failed');
    await expect(block).toHaveAttribute('data-demo-source', 'live');
    await expect(replay).toBeVisible();
    await replay.click();
    await expect(block).toHaveAttribute('data-demo-state', 'replaying');
    await expect(block).toHaveAttribute('data-demo-source', 'replay');
    await expect(replay).toBeHidden();
    await expect(block.locator('[data-demo-status]')).toHaveText(`${BADGE} · opérationnel`);
    await expect(block.getByRole('log')).toContainText('[fixture de test] /readyz OK');
    await block.locator('button[data-demo-action="stop"]').click();
    await expect(block).toHaveAttribute('data-demo-state', 'exited');
    await expect(block.locator('[data-demo-status]')).toHaveText(new RegExp(`^${BADGE}`));
    expect(problems).toEqual([]);
  });

  test('offers nothing for a failed demo that has no recording', async ({ page }) => {
    const problems = await watchPage(page);
    await page.goto(serve?.url ?? '');
    const block = await openDemo(page, `${serve?.origin}/`, manifest, 'kubectl-version');
    await block.locator('button[data-demo-action="run"]').click();
    await expect(block).toHaveAttribute('data-demo-state', 'failed');
    await expect(block.getByRole('button', { name: REPLAY_BUTTON })).toBeHidden();
    expect(problems).toEqual([]);
  });
});

test.describe('standalone HTML export with recordings', () => {
  let dir = '';
  let standalone = '';
  let manifest: DemoManifest;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    dir = await mkdtemp(join(tmpdir(), 'demystify-e2e-standalone-'));
    const recordings = await makeRecordings(dir, ['pki', 'etcd']);
    const exported = await exportWithRecordings(join(dir, 'out'), recordings);
    expect(exported.recorded.sort()).toEqual(['etcd', 'pki']);
    standalone = exported.standalone;
    manifest = await readManifest(join(dir, 'out'));
  });

  test.afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('opened from file://, shows the recorded outputs and replays them in the page with no request', async ({ page }) => {
    const problems = await watchPage(page, { allowFile: true });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const url = pathToFileURL(standalone).href;

    const pki = await openDemo(page, url, manifest, 'pki');
    await expect(pki).toHaveAttribute('data-demo-state', 'exited');
    await expect(pki.getByRole('log')).toContainText('[fixture de test] fin de la PKI');
    await expect(pki.locator('[data-demo-status]')).toHaveText(new RegExp(`^${BADGE} · code de sortie 0`));
    const run = pki.locator('button[data-demo-action="run"]');
    await expect(run).toHaveText('▶ Rejouer');
    await run.click();
    await expect(pki).toHaveAttribute('data-demo-state', 'replaying');
    await expect(pki.getByRole('log')).not.toContainText('fin de la PKI');
    await expect(pki.getByRole('log')).toContainText('génération de la CA');
    await expect(pki).toHaveAttribute('data-demo-state', 'exited');
    await expect(pki.getByRole('log')).toContainText('[fixture de test] fin de la PKI');

    const etcd = await openDemo(page, url, manifest, 'etcd');
    await expect(etcd).toHaveAttribute('data-demo-state', 'ready');
    await expect(etcd.getByRole('log')).toContainText('ready to serve client requests');
    await expect(etcd.getByRole('log')).not.toContainText('shutting down');

    const kubeconfig = await openDemo(page, url, manifest, 'kubeconfig');
    // No recording of it here: its Run stays focusable (keys keep working) but is marked offline.
    await expect(kubeconfig.locator('button[data-demo-action="run"]')).toHaveAttribute('data-demo-offline', 'true');
    await expect(kubeconfig).toHaveAttribute('data-demo-state', 'idle');

    expect(requests.filter((request) => !request.startsWith('data:') && request.split('#')[0] !== url)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
