// « Cette IP n'existe pas, Néo » : a Service's ClusterIP is carried by no interface. A
// client's packet to 10.0.0.34:3000 is rewritten by the iptables rules kube-proxy wrote,
// and leaves towards one of the Pods on the CNI bridge.

import { renderArrow, renderBox, renderPod, renderText } from './diagram-shapes.ts';
import { FONT_MONO, PALETTE } from './palette.ts';
import { renderSvgDocument } from './svg-document.ts';

const WIDTH = 600;
const HEIGHT = 800;

function renderVirtualService(): string {
  return [
    `<rect x="120" y="190" width="360" height="110" rx="55" fill="${PALETTE.paper}" stroke="${PALETTE.red}" stroke-width="3" stroke-dasharray="10 7"/>`,
    renderText(300, 232, 'Service web', { size: 24, weight: 'bold', anchor: 'middle' }),
    renderText(300, 264, 'ClusterIP 10.0.0.34:3000', { size: 20, anchor: 'middle', family: FONT_MONO }),
    `<rect x="360" y="172" width="160" height="34" rx="17" fill="${PALETTE.red}"/>`,
    renderText(440, 195, 'n’existe pas', { size: 18, weight: 'bold', color: PALETTE.paper, anchor: 'middle' }),
  ].join('\n');
}

function renderRules(): string {
  const lines = ['KUBE-SERVICES', '→ KUBE-SVC-… (au hasard)', '→ KUBE-SEP-… : DNAT'];
  return [
    `<rect x="60" y="360" width="480" height="160" rx="14" fill="${PALETTE.terminal}"/>`,
    renderText(84, 396, 'iptables -t nat', { size: 20, weight: 'bold', color: PALETTE.terminalInk, family: FONT_MONO }),
    ...lines.map((line, i) => renderText(84, 432 + i * 28, line, { size: 19, color: '#9ecbff', family: FONT_MONO })),
    renderText(520, 396, '← kube-proxy', { size: 17, color: '#8b949e', anchor: 'end', italic: true }),
  ].join('\n');
}

export function renderNetworkDiagram(): string {
  const body = [
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="${PALETTE.paper}"/>`,
    renderText(300, 48, 'Un réseau virtuel', { size: 30, weight: 'bold', color: PALETTE.blueDark, anchor: 'middle' }),
    renderBox({ x: 200, y: 80, w: 200, h: 70 }, { title: 'client', subtitle: 'un Pod, le Node…', titleSize: 22 }),
    renderArrow(300, 150, 300, 186, {}),
    renderVirtualService(),
    renderArrow(300, 300, 300, 356, { label: 'le paquet est réécrit', labelDx: 12, labelDy: 6 }),
    renderRules(),
    renderArrow(250, 520, 165, 596, { label: '50 %', labelDx: -72, labelDy: 0 }),
    renderArrow(350, 520, 435, 596, { label: '50 %', labelDx: 14, labelDy: 0 }),
    renderPod({ x: 50, y: 600, w: 230, h: 96 }, { title: 'Pod web', detail: '10.244.0.5:8081', detailSize: 14 }),
    renderPod({ x: 320, y: 600, w: 230, h: 96 }, { title: 'Pod web', detail: '10.244.0.6:8081', detailSize: 14 }),
    `<line x1="60" y1="740" x2="540" y2="740" stroke="${PALETTE.blue}" stroke-width="6" stroke-linecap="round"/>`,
    `<line x1="165" y1="696" x2="165" y2="740" stroke="${PALETTE.blue}" stroke-width="3"/>`,
    `<line x1="435" y1="696" x2="435" y2="740" stroke="${PALETTE.blue}" stroke-width="3"/>`,
    renderText(300, 774, 'bridge cni0 (CNI) · 10.244.0.0/24', { size: 18, color: PALETTE.blueDark, anchor: 'middle' }),
  ].join('\n');
  return renderSvgDocument({
    width: WIDTH,
    height: HEIGHT,
    title: 'Réseau virtuel : la ClusterIP d’un Service n’existe pas, iptables redirige vers les Pods',
    body,
  });
}
