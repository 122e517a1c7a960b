// A temporary workspace like the talk's: bin/ holds the fixture programs (symlinks), so demo
// commands read `prints-then-idles "ready to serve"` and run with bin/ first on PATH.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const FIXTURES_BIN = resolve(import.meta.dirname, '../../../fixtures/bin');

export interface TestWorkspace {
  workspace: string;
  bin: string;
  /** A folder outside the workspace for a fake `sudo` (put first on PATH through options.env). */
  sudoDir: string;
  cleanup(): void;
}

export function createTestWorkspace(): TestWorkspace {
  const workspace = mkdtempSync(join(tmpdir(), 'demystify-orchestrator-'));
  const bin = join(workspace, 'bin');
  const sudoDir = join(workspace, 'sudo-bin');
  mkdirSync(bin);
  mkdirSync(sudoDir);
  for (const name of readdirSync(FIXTURES_BIN)) {
    if (!name.startsWith('sudo-')) symlinkSync(join(FIXTURES_BIN, name), join(bin, name));
  }
  return { workspace, bin, sudoDir, cleanup: () => rmSync(workspace, { recursive: true, force: true }) };
}

/** Installs fixture `sudo-<variant>` as `sudo` in the workspace's sudo folder. */
export function installFakeSudo(space: TestWorkspace, variant: 'prompts' | 'allows'): string {
  symlinkSync(join(FIXTURES_BIN, `sudo-${variant}`), join(space.sudoDir, 'sudo'));
  return `${space.sudoDir}:${process.env['PATH'] ?? '/usr/bin:/bin'}`;
}
