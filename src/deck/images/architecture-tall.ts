// Tall drawing of the architecture (views 4–5, shown `![bg right:45% fit]` next to the
// slide's text): the control plane on top, the Node with its agents, runtime, Pods and
// network below.

import { createComponentState } from './architecture-stages.ts';
import type { ArchitectureComponent, ArchitectureStage } from './architecture-stages.ts';
import { renderArrow, renderBox, renderCylinder, renderPanel, renderPod, renderText } from './diagram-shapes.ts';
import { PALETTE } from './palette.ts';

export const TALL_WIDTH = 880;
export const TALL_HEIGHT = 1000;

function renderControlPlane(s: (component: ArchitectureComponent) => ReturnType<typeof createComponentState>): string {
  return [
    renderPanel({ x: 20, y: 20, w: 840, h: 360 }, 'Control plane'),
    renderBox({ x: 45, y: 75, w: 380, h: 90 }, { title: 'kube-controller-manager', subtitle: 'boucles de contrôle', state: s('controllerManager') }),
    renderBox({ x: 455, y: 75, w: 380, h: 90 }, { title: 'kube-scheduler', subtitle: 'ordonnanceur', state: s('scheduler') }),
    renderBox({ x: 45, y: 215, w: 500, h: 110 }, { title: 'kube-apiserver', subtitle: 'serveur d’API', state: s('apiserver'), titleSize: 28 }),
    renderCylinder({ x: 625, y: 208, w: 210, h: 135 }, { title: 'etcd', subtitle: 'clé / valeur', state: s('etcd') }),
    renderArrow(235, 167, 235, 211, { state: s('controllerManager'), both: true }),
    renderArrow(620, 167, 530, 211, { state: s('scheduler'), both: true }),
    renderArrow(547, 270, 623, 270, { state: s('etcd'), both: true, label: 'TLS', labelDx: -18, labelDy: -14 }),
  ].join('\n');
}

export function renderTallArchitecture(stage: ArchitectureStage): string {
  const s = (component: ArchitectureComponent) => createComponentState(component, stage);
  const network = s('network');
  const ip = (address: string) => (network === 'ghost' ? 'sans IP' : address);
  return [
    renderControlPlane(s),
    renderPanel({ x: 20, y: 410, w: 840, h: 520 }, 'Node (worker)', s('node')),
    renderBox({ x: 45, y: 475, w: 370, h: 95 }, { title: 'kubelet', subtitle: 'agent du Node', state: s('kubelet') }),
    renderBox({ x: 465, y: 475, w: 370, h: 95 }, { title: 'kube-proxy', subtitle: 'règles iptables', state: s('kubeProxy') }),
    // Both Node agents talk to the API server, never to etcd.
    renderArrow(230, 473, 230, 329, { state: s('kubelet') }),
    renderArrow(600, 473, 520, 329, { state: s('kubeProxy') }),
    renderBox({ x: 45, y: 615, w: 370, h: 95 }, { title: 'containerd', subtitle: 'container runtime', state: s('runtime') }),
    renderArrow(230, 572, 230, 611, { state: s('runtime') }),
    renderText(244, 598, 'CRI', { size: 16, color: PALETTE.muted }),
    renderPod({ x: 465, y: 612, w: 180, h: 96 }, { title: 'Pod', detail: ip('10.244.0.5'), state: s('pods'), detailSize: 14 }),
    renderPod({ x: 655, y: 612, w: 180, h: 96 }, { title: 'Pod', detail: ip('10.244.0.6'), state: s('pods'), detailSize: 14 }),
    renderArrow(417, 662, 461, 662, { state: s('pods') }),
    renderBox({ x: 45, y: 790, w: 790, h: 110 }, { title: 'Réseau virtuel (CNI)', subtitle: 'bridge cni0 · Pods en 10.244.0.0/24 · iptables', state: network, titleSize: 24 }),
    renderArrow(555, 710, 555, 786, { state: network }),
    renderArrow(745, 710, 745, 786, { state: network }),
  ].join('\n');
}
