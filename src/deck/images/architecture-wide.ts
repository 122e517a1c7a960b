// Wide drawing of the architecture (views 1–3, shown `![width:800]` under the slide's
// text): the control plane in one row, the Node a narrow column on the right.

import { createComponentState } from './architecture-stages.ts';
import type { ArchitectureComponent, ArchitectureStage } from './architecture-stages.ts';
import { renderArrow, renderBox, renderCylinder, renderPanel, renderPathArrow } from './diagram-shapes.ts';

export const WIDE_WIDTH = 1400;
export const WIDE_HEIGHT = 450;

export function renderWideArchitecture(stage: ArchitectureStage): string {
  const s = (component: ArchitectureComponent) => createComponentState(component, stage);
  return [
    renderPanel({ x: 20, y: 20, w: 960, h: 378 }, 'Control plane'),
    renderBox({ x: 45, y: 110, w: 270, h: 100 }, { title: 'kube-controller-manager', subtitle: 'boucles de contrôle', state: s('controllerManager'), titleSize: 20 }),
    renderBox({ x: 355, y: 100, w: 290, h: 120 }, { title: 'kube-apiserver', subtitle: 'serveur d’API', state: s('apiserver'), titleSize: 28 }),
    renderBox({ x: 685, y: 110, w: 270, h: 100 }, { title: 'kube-scheduler', subtitle: 'ordonnanceur', state: s('scheduler') }),
    renderCylinder({ x: 400, y: 268, w: 200, h: 118 }, { title: 'etcd', subtitle: 'clé / valeur', state: s('etcd') }),
    renderArrow(317, 160, 353, 160, { state: s('controllerManager'), both: true }),
    renderArrow(683, 160, 647, 160, { state: s('scheduler'), both: true }),
    renderArrow(500, 222, 500, 272, { state: s('etcd'), both: true, label: 'TLS', labelDx: 10, labelDy: 6 }),
    renderPanel({ x: 1020, y: 20, w: 360, h: 378 }, 'Node (worker)', s('node')),
    renderBox({ x: 1045, y: 72, w: 310, h: 64 }, { title: 'kubelet', state: s('kubelet') }),
    renderBox({ x: 1045, y: 152, w: 310, h: 64 }, { title: 'containerd', state: s('runtime') }),
    renderBox({ x: 1045, y: 232, w: 310, h: 64 }, { title: 'kube-proxy', state: s('kubeProxy') }),
    renderBox({ x: 1045, y: 312, w: 310, h: 64 }, { title: 'réseau CNI', state: s('network') }),
    // The kubelet talks to the API server only (over the top, around the scheduler).
    renderPathArrow(
      [
        [1045, 104],
        [1000, 104],
        [1000, 64],
        [560, 64],
        [560, 96],
      ],
      { state: s('kubelet') },
    ),
  ].join('\n');
}
