// Nodes host Pods; a Pod groups containers that share one IP and volumes.

import { renderContainerGlyph, renderPanel, renderText } from './diagram-shapes.ts';
import { FONT_MONO, PALETTE } from './palette.ts';
import { renderSvgDocument } from './svg-document.ts';

const WIDTH = 600;
const HEIGHT = 800;

interface PodSpec {
  x: number;
  y: number;
  name: string;
  ip: string;
  containers: number;
  volume: boolean;
}

function renderPod(pod: PodSpec): string {
  const { x, y, name, ip, containers, volume } = pod;
  const parts = [
    `<rect x="${x}" y="${y}" width="240" height="190" rx="16" fill="${PALETTE.greenLight}" stroke="${PALETTE.green}" stroke-width="3"/>`,
    renderText(x + 16, y + 34, name, { size: 22, weight: 'bold' }),
    renderText(x + 16, y + 60, `IP ${ip}`, { size: 16, color: PALETTE.muted, family: FONT_MONO }),
  ];
  for (let i = 0; i < containers; i += 1) {
    parts.push(renderContainerGlyph(x + 18 + i * 70, y + 80, 56, PALETTE.green));
  }
  if (volume) {
    const vx = x + 18;
    parts.push(
      `<rect x="${vx}" y="${y + 150}" width="204" height="26" rx="13" fill="${PALETTE.paper}" stroke="${PALETTE.blue}" stroke-width="2"/>`,
      renderText(vx + 102, y + 169, 'volume partagé', { size: 15, color: PALETTE.blueDark, anchor: 'middle' }),
    );
  }
  return parts.join('\n');
}

function renderNode(y: number, label: string, pods: PodSpec[]): string {
  return [renderPanel({ x: 30, y, w: 540, h: 300 }, label), ...pods.map(renderPod)].join('\n');
}

export function renderNodesPodsDiagram(): string {
  const body = [
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="${PALETTE.paper}"/>`,
    renderText(300, 46, 'Nodes et Pods', { size: 30, weight: 'bold', color: PALETTE.blueDark, anchor: 'middle' }),
    renderNode(80, 'Node 1', [
      { x: 50, y: 150, name: 'Pod web', ip: '10.244.0.5', containers: 1, volume: false },
      { x: 310, y: 150, name: 'Pod app', ip: '10.244.0.7', containers: 2, volume: true },
    ]),
    renderNode(410, 'Node 2', [
      { x: 50, y: 480, name: 'Pod web', ip: '10.244.1.3', containers: 1, volume: false },
      { x: 310, y: 480, name: 'Pod db', ip: '10.244.1.4', containers: 1, volume: true },
    ]),
    renderText(300, 752, 'Pod : des containers qui partagent', { size: 20, color: PALETTE.muted, anchor: 'middle' }),
    renderText(300, 780, 'une IP et des volumes', { size: 20, color: PALETTE.muted, anchor: 'middle' }),
  ].join('\n');
  return renderSvgDocument({ width: WIDTH, height: HEIGHT, title: 'Deux Nodes qui hébergent des Pods', body });
}
