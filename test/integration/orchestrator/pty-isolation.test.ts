// Each demo gets its own terminal and no other: a later demo must not inherit an earlier demo's
// PTY (it could read or write the other demo's terminal, and would keep it alive after a crash).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createOrchestrator } from '../../../src/orchestrator/index.ts';
import type { Orchestrator } from '../../../src/orchestrator/index.ts';
import { createTestManifest, defineDemo } from './support/test-manifest.ts';
import { createTestWorkspace } from './support/test-workspace.ts';
import type { TestWorkspace } from './support/test-workspace.ts';

let space: TestWorkspace;
let orchestrator: Orchestrator | undefined;

beforeEach(() => {
  space = createTestWorkspace();
});

afterEach(async () => {
  await orchestrator?.dispose();
  orchestrator = undefined;
  space.cleanup();
});

it('gives a later demo no file descriptor of an earlier, still running demo’s terminal', async () => {
  orchestrator = createOrchestrator({
    workspace: space.workspace,
    manifest: createTestManifest(
      defineDemo({ id: 'daemon', kind: 'daemon', command: 'sleep 300' }),
      defineDemo({ id: 'look', command: 'ls -l /proc/$$/fd | grep -c ptmx || true' }),
    ),
    graceMs: 500,
  });
  expect((await orchestrator.run('daemon')).state).toBe('ready');
  const snapshot = await orchestrator.run('look');
  expect(snapshot.output.trim()).toBe('0');
});
