// The three APIs that deploy the talk's app: an Ingress (reverse proxy) routes
// dk.zwindler.fr to the Service web:3000 (load balancer), which sends to port 8081 of the
// Pods a Deployment keeps alive (application). Same names and ports as demos/*.yaml.

import { renderArrow, renderBox, renderPod, renderText } from './diagram-shapes.ts';
import { PALETTE } from './palette.ts';
import { renderSvgDocument } from './svg-document.ts';

const WIDTH = 800;
const HEIGHT = 720;

function renderRole(y: number, text: string): string {
  return renderText(30, y, text, { size: 21, color: PALETTE.accent, weight: 'bold', italic: true });
}

export function renderAppDiagram(): string {
  const body = [
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="${PALETTE.paper}"/>`,
    renderBox({ x: 300, y: 24, w: 200, h: 64 }, { title: 'navigateur', titleSize: 22 }),
    renderArrow(400, 88, 400, 132, { label: 'Host: dk.zwindler.fr', labelDx: 12, labelDy: 6 }),
    renderRole(182, 'reverse proxy'),
    renderBox({ x: 220, y: 136, w: 360, h: 92 }, { title: 'Ingress dk', subtitle: 'dk.zwindler.fr / → web:3000', titleSize: 24 }),
    renderArrow(400, 228, 400, 290, {}),
    renderRole(340, 'load balancer'),
    renderBox({ x: 220, y: 294, w: 360, h: 92 }, { title: 'Service web', subtitle: 'ClusterIP · 3000 → 8081', titleSize: 24 }),
    renderArrow(340, 386, 250, 460, { label: 'app=web', labelDx: -110, labelDy: 0 }),
    renderArrow(460, 386, 550, 460, {}),
    renderPod({ x: 150, y: 464, w: 190, h: 80 }, { title: 'Pod web', detail: ':8081', detailSize: 17 }),
    renderPod({ x: 460, y: 464, w: 190, h: 80 }, { title: 'Pod web', detail: ':8081', detailSize: 17 }),
    `<rect x="120" y="444" width="560" height="120" rx="18" fill="none" stroke="${PALETTE.blue}" stroke-width="2" stroke-dasharray="8 6"/>`,
    renderArrow(400, 640, 400, 570, { label: 'maintient 2 réplicas', labelDx: 12, labelDy: 6 }),
    renderRole(690, 'application'),
    renderBox({ x: 220, y: 640, w: 360, h: 64 }, { title: 'Deployment web', titleSize: 24 }),
  ].join('\n');
  return renderSvgDocument({
    width: WIDTH,
    height: HEIGHT,
    title: 'Une application dans Kubernetes : Ingress, Service et Deployment',
    body,
  });
}
