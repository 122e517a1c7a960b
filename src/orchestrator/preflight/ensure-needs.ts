// `needs=`: each dependency must be satisfied (a daemon ready, a command exited 0). Without
// `start-needs` an unsatisfied one fails the run, naming it and the fix; with it, the missing ones
// are started first, in order, and awaited (transitively: what they need is started too).
import { DemystifyError } from '../../shared/index.ts';
import type { DemoDefinition } from '../../shared/index.ts';
import type { Run } from '../runs/index.ts';
import { stageMessages } from '../stage-messages.ts';

export interface NeedsContext {
  findDemo(id: string): DemoDefinition | undefined;
  currentRun(id: string): Run | undefined;
  /** Runs (or joins) a dependency until it settles. */
  startDependency(demo: DemoDefinition, chain: string[]): Promise<unknown>;
  /** False once the dependent run was stopped while waiting. */
  isStillWanted(): boolean;
}

export async function ensureNeeds(demo: DemoDefinition, context: NeedsContext, chain: string[], startNeeds: boolean): Promise<DemystifyError | undefined> {
  for (const needId of demo.needs) {
    const need = context.findDemo(needId);
    if (need === undefined) return new DemystifyError('DEPENDENCY_NOT_READY', stageMessages.dependencyUnknown(demo.id, needId));
    if (chain.includes(needId)) return new DemystifyError('DEPENDENCY_NOT_READY', stageMessages.dependencyCycle([...chain, demo.id, needId]));
    if (context.currentRun(needId)?.isSatisfied()) continue;
    if (!startNeeds) {
      const state = context.currentRun(needId)?.state ?? 'idle';
      return new DemystifyError('DEPENDENCY_NOT_READY', stageMessages.dependencyNotReady(demo.id, needId, need.kind, state));
    }
    await context.startDependency(need, [...chain, demo.id]);
    if (!context.isStillWanted()) return undefined;
    const run = context.currentRun(needId);
    if (!run?.isSatisfied()) {
      return new DemystifyError('DEPENDENCY_NOT_READY', stageMessages.dependencyFailed(demo.id, needId, run?.status.message));
    }
  }
  return undefined;
}
