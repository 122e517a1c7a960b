#!/usr/bin/env -S node --max-semi-space-size=4
// Entry point. Node 20 runs no TypeScript by itself: the CLI runs precompiled into a cached bundle
// (bin/precompiled-cli.js; the Marp engines included), else through tsx's loader, saying why.
// DEMYSTIFY_TSX=1 forces tsx (stack traces then name the .ts sources).
// The shebang bounds V8's young generation: a flood through `serve` is garbage made fast, and the
// default young generation (48 MiB) would hold it for nothing (measured: serve's peak during a 50 MB
// flood 147–162 → 118–125 MiB).
import { ensurePrecompiledCli } from './precompiled-cli.js';

const argv = process.argv.slice(2);

async function loadCli() {
  if (process.env.DEMYSTIFY_TSX !== '1') {
    const precompiled = await ensurePrecompiledCli();
    let reason = precompiled.entry === undefined ? precompiled.reason : '';
    try {
      if (precompiled.entry !== undefined) return await import(precompiled.entry);
    } catch (error) {
      reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    }
    console.error(`demystify: running from the TypeScript sources (could not run the precompiled CLI: ${reason}).`);
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src/cli/index.ts');
}

const { main } = await loadCli();
process.exitCode = await main(argv);
