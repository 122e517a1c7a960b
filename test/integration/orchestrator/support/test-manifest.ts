// Demo definitions for tests, with the deck's defaults filled in.
import { DEFAULT_COMMAND_TIMEOUT_MS, DEFAULT_READY_TIMEOUT_MS } from '../../../../src/shared/index.ts';
import type { DemoDefinition, DemoManifest } from '../../../../src/shared/index.ts';

export function defineDemo(demo: Partial<DemoDefinition> & Pick<DemoDefinition, 'id' | 'command'>): DemoDefinition {
  const kind = demo.kind ?? 'command';
  return {
    kind,
    needs: [],
    startNeeds: false,
    root: false,
    ports: [],
    timeoutMs: kind === 'daemon' ? DEFAULT_READY_TIMEOUT_MS : DEFAULT_COMMAND_TIMEOUT_MS,
    slide: 1,
    title: demo.id,
    ...demo,
  };
}

export function createTestManifest(...demos: DemoDefinition[]): DemoManifest {
  return { version: 1, deck: 'test.md', demos };
}
