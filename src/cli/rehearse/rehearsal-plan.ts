// Which demos a rehearsal runs, in talk order: all of them, or a window (`--from`, `--until`), or a
// list (`--only`); what they need (`needs=`) comes along, so `--only etcd-put` also starts etcd.
// The talk's online options (a title saying "en ligne": Cilium, Traefik…) are left out unless
// `--online`, or unless named in `--only`.
import { DemystifyError } from '../../shared/index.ts';
import type { DemoDefinition, DemoManifest } from '../../shared/index.ts';

export interface RehearsalSelection {
  only?: readonly string[];
  from?: string;
  until?: string;
  online?: boolean;
}

export interface RehearsalStep {
  demo: DemoDefinition;
  /** `needed`: not selected, but a selected step needs it. */
  reason: 'selected' | 'needed';
}

export interface RehearsalPlan {
  steps: RehearsalStep[];
  /** Online steps left out, and steps that need one. */
  skipped: string[];
}

const ONLINE_TITLE = /en ligne/i;

export function isOnlineDemo(demo: DemoDefinition): boolean {
  return ONLINE_TITLE.test(demo.title);
}

export function createRehearsalPlan(manifest: DemoManifest, { only, from, until, online = false }: RehearsalSelection = {}): RehearsalPlan {
  const demos = manifest.demos.filter((demo, index) => manifest.demos.findIndex((other) => other.id === demo.id) === index);
  const ids = demos.map((demo) => demo.id);
  const indexOf = (id: string, option: string): number => {
    const index = ids.indexOf(id);
    if (index < 0) throw new DemystifyError('BAD_INPUT', `Expected ${option} to name a demo of the deck (${ids.join(', ')}), got "${id}".`);
    return index;
  };
  for (const id of only ?? []) indexOf(id, '--only');
  const first = from === undefined ? 0 : indexOf(from, '--from');
  const last = until === undefined ? ids.length - 1 : indexOf(until, '--until');
  if (first > last) throw new DemystifyError('BAD_INPUT', `Expected --from ${from} to come before --until ${until} in the talk, got it after.`);

  const byId = new Map(demos.map((demo) => [demo.id, demo]));
  const isAllowed = (demo: DemoDefinition): boolean => online || !isOnlineDemo(demo) || (only?.includes(demo.id) ?? false);
  const wanted = new Map<string, RehearsalStep['reason']>();
  const skipped = new Set<string>();
  /** Adds a demo and what it needs; false when an online step is in the way. */
  const add = (demo: DemoDefinition, reason: RehearsalStep['reason'], chain: string[]): boolean => {
    if (wanted.has(demo.id)) return true;
    if (!isAllowed(demo) || chain.includes(demo.id)) {
      skipped.add(demo.id);
      return false;
    }
    for (const need of demo.needs) {
      const needed = byId.get(need);
      if (needed && !add(needed, 'needed', [...chain, demo.id])) {
        skipped.add(demo.id);
        return false;
      }
    }
    wanted.set(demo.id, reason);
    return true;
  };
  demos.forEach((demo, index) => {
    if (index < first || index > last || (only !== undefined && !only.includes(demo.id))) return;
    add(demo, 'selected', []);
  });
  return {
    steps: demos.filter((demo) => wanted.has(demo.id)).map((demo) => ({ demo, reason: wanted.get(demo.id) ?? 'selected' })),
    skipped: ids.filter((id) => skipped.has(id) && !wanted.has(id)),
  };
}
