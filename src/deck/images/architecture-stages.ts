// The five steps of the talk's architecture drawing, as data: which component appears in
// which view, and how each view is captioned. Both layouts read this, so the story is the
// same whichever shape a slide needs.

import type { ShapeState } from './diagram-shapes.ts';

export type ArchitectureStage = 1 | 2 | 3 | 4 | 5;

export const ARCHITECTURE_STAGES: readonly ArchitectureStage[] = [1, 2, 3, 4, 5];

/**
 * `wide`: the control plane in a row, for `![width:800]` under text (views 1–3);
 * `tall`: control plane above the Node, for `![bg right:45%]` (views 4–5).
 */
export type ArchitectureLayout = 'wide' | 'tall';

export function createDefaultLayout(stage: ArchitectureStage): ArchitectureLayout {
  return stage <= 3 ? 'wide' : 'tall';
}

/** The view in which each component first appears. */
const INTRODUCED_AT = {
  apiserver: 1,
  etcd: 1,
  controllerManager: 2,
  scheduler: 3,
  node: 4,
  kubelet: 4,
  runtime: 4,
  pods: 4,
  network: 5,
  kubeProxy: 5,
} as const satisfies Record<string, ArchitectureStage>;

export type ArchitectureComponent = keyof typeof INTRODUCED_AT;

/** Still to come: `ghost`; added by this view: `new`; already there: `active`. */
export function createComponentState(component: ArchitectureComponent, stage: ArchitectureStage): ShapeState {
  const since = INTRODUCED_AT[component];
  if (since > stage) return 'ghost';
  return since === stage ? 'new' : 'active';
}

export const STAGE_CAPTIONS: Record<ArchitectureStage, string> = {
  1: 'Un serveur d’API et sa base de données',
  2: '+ des boucles de contrôle',
  3: '+ un ordonnanceur',
  4: '+ un Node : kubelet et container runtime',
  5: '+ un réseau virtuel : CNI et kube-proxy',
};
