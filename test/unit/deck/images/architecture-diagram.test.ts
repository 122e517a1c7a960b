import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { ARCHITECTURE_STAGES, renderArchitectureDiagram } from '../../../../src/deck/images/index.ts';
import type { ArchitectureStage } from '../../../../src/deck/images/index.ts';

const GHOST = '#b8c0cc';

/** Colour of the text that names a component (grey when it is still to come). */
function colorOfLabel(stage: ArchitectureStage, label: string): string | null {
  const document = new DOMParser().parseFromString(renderArchitectureDiagram(stage), 'image/svg+xml');
  const texts = Array.from(document.getElementsByTagName('text'));
  return texts.find((text) => text.textContent === label)?.getAttribute('fill') ?? null;
}

describe('renderArchitectureDiagram', () => {
  it('draws the five views, each with its caption', () => {
    for (const stage of ARCHITECTURE_STAGES) expect(renderArchitectureDiagram(stage)).toContain(`${stage}/5 · `);
  });

  it('shows each component from the view that introduces it, and outlines it before', () => {
    const introducedAt: Array<[string, ArchitectureStage]> = [
      ['kube-apiserver', 1],
      ['etcd', 1],
      ['kube-controller-manager', 2],
      ['kube-scheduler', 3],
      ['kubelet', 4],
      ['containerd', 4],
      ['kube-proxy', 5],
    ];
    for (const [label, since] of introducedAt) {
      for (const stage of ARCHITECTURE_STAGES) {
        const color = colorOfLabel(stage, label);
        expect(color, `${label} in view ${stage}`).not.toBeNull();
        if (stage < since) expect(color, `${label} in view ${stage}`).toBe(GHOST);
        else expect(color, `${label} in view ${stage}`).not.toBe(GHOST);
      }
    }
  });

  it('is wide for the views shown under text and tall for the views shown beside it', () => {
    const viewBox = (stage: ArchitectureStage) => /viewBox="0 0 (\d+) (\d+)"/.exec(renderArchitectureDiagram(stage))?.slice(1).map(Number) ?? [];
    for (const stage of [1, 2, 3] as const) {
      const [width = 0, height = 1] = viewBox(stage);
      expect(width / height).toBeGreaterThan(2.5);
    }
    for (const stage of [4, 5] as const) {
      const [width = 1, height = 0] = viewBox(stage);
      expect(height / width).toBeGreaterThan(1);
    }
  });
});
