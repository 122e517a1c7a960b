// One call for what every step test needs: its own network namespace, a talk workspace, and the
// orchestrator driving the REAL deck's demo definitions inside that namespace (for a whole node,
// also inside private mounts: node-isolation.ts). dispose() undoes
// all of it in reverse order, whatever failed, and reports what it could not undo.
import { resolveBinaries } from '../../../../src/binaries/index.ts';
import type { DemoManifest } from '../../../../src/shared/index.ts';
import { readDeckManifest } from '../../../unit/steps/deck-manifest.ts';
import { createDeckWorkspace } from './deck-workspace.ts';
import { createNodeIsolation } from './node-isolation.ts';
import type { DeckWorkspace, DeckWorkspaceOptions } from './deck-workspace.ts';
import type { DriverConfig } from './driver-protocol.ts';
import { startStepsDriver } from './start-steps-driver.ts';
import type { StepsDriver } from './start-steps-driver.ts';
import { createTestNetns } from './test-netns.ts';
import type { TestNetns } from './test-netns.ts';

export interface StepsHarness {
  netns: TestNetns;
  space: DeckWorkspace;
  driver: StepsDriver;
  manifest: DemoManifest;
  dispose(): Promise<void>;
}

export interface StepsHarnessOptions extends DeckWorkspaceOptions {
  nodeInterface?: boolean;
  /** Change the deck's manifest before the driver gets it (say how in the test). */
  manifest?: (deck: DemoManifest, space: DeckWorkspace) => DemoManifest;
  driver?: Partial<Omit<DriverConfig, 'manifest' | 'workspace'>>;
  /** Run the driver in a private mount namespace with /etc, /run, /var/lib, /var/log as overlays. */
  isolateNode?: boolean;
}

/** Names of installed-or-pinned executables that are missing here. */
export async function findMissingBinaries(names: readonly string[]): Promise<string[]> {
  const resolved = await resolveBinaries();
  const isPresent = (name: string): boolean => resolved.some((binary) => binary.name === name && binary.source !== 'missing');
  return names.filter((name) => !isPresent(name));
}

export async function openStepsHarness(options: StepsHarnessOptions = {}): Promise<StepsHarness> {
  const undo: (() => Promise<void>)[] = [];
  const dispose = async (): Promise<void> => {
    const problems: string[] = [];
    for (const step of undo.splice(0).reverse()) await step().catch((error: Error) => problems.push(error.message));
    if (problems.length > 0) throw new Error(`steps harness cleanup: ${problems.join('; ')}`);
  };
  try {
    const netns = await createTestNetns({ nodeInterface: options.nodeInterface ?? false });
    undo.push(() => netns.dispose());
    const space = await createDeckWorkspace(options);
    undo.push(() => space.dispose());
    let wrap: ((command: string[]) => string[]) | undefined;
    if (options.isolateNode === true) {
      const isolation = await createNodeIsolation(space.dir);
      undo.push(() => isolation.dispose());
      wrap = isolation.wrap;
    }
    const deck = readDeckManifest();
    const manifest = options.manifest?.(deck, space) ?? deck;
    const driver = await startStepsDriver({
      netns,
      dir: space.dir,
      config: { manifest, workspace: space.workspace, graceMs: 5_000, ...options.driver },
      ...(wrap === undefined ? {} : { wrap }),
    });
    undo.push(() => driver.close());
    return { netns, space, driver, manifest, dispose };
  } catch (error) {
    await dispose().catch(() => undefined);
    throw error;
  }
}
