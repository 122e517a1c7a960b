// reset removes exactly the files the deck's pki and kubeconfig demos write, read from the deck
// itself, plus the binary links (symlinks only) and the orchestrator's empty state folder.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeBinaryLinks, removeStateDir, removeStepOutputs, TALK_STEP_OUTPUTS } from '../../../../src/cli/reset/index.ts';
import type { RemovalReport } from '../../../../src/cli/reset/index.ts';
import { findDemo, readDeckManifest } from '../../steps/deck-manifest.ts';

/** What the deck's pki and kubeconfig commands write: cfssljson -bare <p> → <p>.pem, <p>-key.pem, <p>.csr; --kubeconfig=<file>. */
function readDeckOutputs(): string[] {
  const manifest = readDeckManifest();
  const pki = findDemo(manifest, 'pki').command;
  const prefixes = [...pki.matchAll(/cfssljson -bare (\S+)/g)].map((match) => match[1] as string);
  const kubeconfigs = [...findDemo(manifest, 'kubeconfig').command.matchAll(/--kubeconfig=(\S+)/g)].map((match) => match[1] as string);
  return [...new Set([...prefixes.flatMap((prefix) => [`${prefix}.pem`, `${prefix}-key.pem`, `${prefix}.csr`]), ...kubeconfigs])];
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function createWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'demystify-reset-unit-'));
  dirs.push(dir);
  return dir;
}
const emptyReport = (): RemovalReport => ({ removed: [], kept: [] });

describe('the steps’ outputs reset removes', () => {
  it('are exactly what the deck’s pki and kubeconfig commands write', () => {
    expect([...TALK_STEP_OUTPUTS].sort()).toEqual(readDeckOutputs().sort());
  });

  it('are removed when present, and nothing next to them', async () => {
    const workspace = createWorkspace();
    mkdirSync(join(workspace, 'certs'));
    for (const path of ['certs/ca.pem', 'certs/admin-key.pem', 'admin.conf', 'certs/mine.pem']) writeFileSync(join(workspace, path), 'x');
    const report = emptyReport();
    await removeStepOutputs(workspace, report);
    expect(report.removed).toEqual(['certs/ca.pem', 'certs/admin-key.pem', 'admin.conf']);
    expect(existsSync(join(workspace, 'certs/mine.pem'))).toBe(true);
    expect(existsSync(join(workspace, 'admin.conf'))).toBe(false);
  });

  it('include the binary links but not a real file the speaker put in bin/', async () => {
    const workspace = createWorkspace();
    mkdirSync(join(workspace, 'bin'));
    mkdirSync(join(workspace, 'cni', 'bin'), { recursive: true });
    symlinkSync('/bin/true', join(workspace, 'bin', 'etcd'));
    symlinkSync('/bin/true', join(workspace, 'cni', 'bin', 'bridge'));
    writeFileSync(join(workspace, 'bin', 'kubectl'), '#!/bin/sh\n');
    symlinkSync('/bin/true', join(workspace, 'bin', 'my-tool'));
    const report = emptyReport();
    await removeBinaryLinks(workspace, report);
    expect(report.removed).toEqual(['bin/etcd (link)', 'cni/bin/bridge (link)', 'cni/bin/']);
    expect(existsSync(join(workspace, 'bin', 'kubectl'))).toBe(true);
    expect(existsSync(join(workspace, 'bin', 'my-tool'))).toBe(true);
  });

  it('include the state folder only once no run record is left in it', async () => {
    const workspace = createWorkspace();
    mkdirSync(join(workspace, '.demystify', 'runs'), { recursive: true });
    writeFileSync(join(workspace, '.demystify', 'runs', 'etcd-x.json'), '{}');
    const kept = emptyReport();
    await removeStateDir(workspace, kept);
    expect(kept).toEqual({ removed: [], kept: [{ path: '.demystify/runs/', reason: 'not empty' }, { path: '.demystify/', reason: 'not empty' }] });
    rmSync(join(workspace, '.demystify', 'runs', 'etcd-x.json'));
    const removed = emptyReport();
    await removeStateDir(workspace, removed);
    expect(removed.removed).toEqual(['.demystify/runs/', '.demystify/']);
  });
});
