// A small strip on every slide: which daemons are up, so the audience sees the cluster assemble.
import type { DemoModel } from './demo-store.ts';
import { LABELS, STATE_LABELS } from './labels.ts';

export interface ClusterStrip {
  update(models: DemoModel[]): void;
}

const UP_STATES = new Set(['starting', 'running', 'ready', 'failed', 'replaying']);

export function createClusterStrip(sections: Iterable<HTMLElement>, daemonIds: string[]): ClusterStrip {
  const strips: HTMLElement[] = [];
  for (const section of sections) {
    const strip = document.createElement('div');
    strip.className = 'demystify-strip';
    strip.setAttribute('aria-label', LABELS.clusterTitle);
    strip.hidden = true;
    section.append(strip);
    strips.push(strip);
  }
  let last = '';
  return {
    update(models) {
      const up = models.filter((m) => daemonIds.includes(m.id) && UP_STATES.has(m.state));
      const key = up.map((m) => `${m.id}:${m.state}`).join(',');
      if (key === last) return;
      last = key;
      for (const strip of strips) {
        strip.hidden = up.length === 0;
        strip.replaceChildren(
          ...up.map((m) => {
            const chip = document.createElement('span');
            chip.className = 'demystify-strip__chip';
            chip.dataset['demoState'] = m.state;
            chip.textContent = m.id;
            chip.title = STATE_LABELS[m.state];
            return chip;
          }),
        );
      }
    },
  };
}
