// When a daemon ends (crash, or stopped), the live demos that need it keep running — a real
// kube-apiserver survives a dead etcd and logs errors — but their state carries a notice
// ("etcd, dont cette démo dépend, s'est arrêté…") through a state event with the same state and a
// message. The notice goes away when that dependency is ready again.
import type { Run } from './runs/index.ts';
import { stageMessages } from './stage-messages.ts';

export interface DependencyNotices {
  onTransition(run: Run): void;
}

export function createDependencyNotices(allRuns: () => Run[]): DependencyNotices {
  const setBy = new WeakMap<Run, string>();
  return {
    onTransition(run) {
      if (run.demo.kind !== 'daemon') return;
      const dependents = allRuns().filter((other) => other !== run && other.isLive() && other.demo.needs.includes(run.demo.id));
      const { state, exitCode, signal } = run.status;
      if (state === 'ready') {
        for (const dependent of dependents) {
          if (setBy.get(dependent) !== run.demo.id) continue;
          setBy.delete(dependent);
          dependent.setNotice(undefined);
        }
      } else if ((state === 'exited' || state === 'failed') && (exitCode !== undefined || signal !== undefined)) {
        for (const dependent of dependents) {
          setBy.set(dependent, run.demo.id);
          dependent.setNotice(stageMessages.dependencyDown(run.demo.id, stageMessages.renderEnding(exitCode, signal)));
        }
      }
    },
  };
}
