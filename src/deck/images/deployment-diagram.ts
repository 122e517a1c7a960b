// Controllers are control loops: Deployment → ReplicaSet → Pods, each level reconciled by a
// loop that watches the desired state (in the API) and acts until reality matches.

import { renderArrow, renderArrowHead, renderBox, renderText } from './diagram-shapes.ts';
import { FONT_MONO, PALETTE } from './palette.ts';
import { formatNumber as n, renderSvgDocument } from './svg-document.ts';

const WIDTH = 600;
const HEIGHT = 760;

/** Three steps on a circle, joined clockwise by arcs with arrow heads. */
function renderLoop(cx: number, cy: number, r: number): string {
  const steps = [
    { angle: -90, label: 'observer', dx: 0, dy: -22, anchor: 'middle' as const },
    { angle: 30, label: 'comparer', dx: 20, dy: 18, anchor: 'start' as const },
    { angle: 150, label: 'agir', dx: -20, dy: 18, anchor: 'end' as const },
  ];
  const point = (deg: number) => {
    const rad = (deg * Math.PI) / 180;
    return { x: cx + r * Math.cos(rad), y: cy + r * Math.sin(rad) };
  };
  const arcs = steps.map((step) => {
    const from = point(step.angle + 16);
    const to = point(step.angle + 104);
    const back = point(step.angle + 98);
    return [
      `<path d="M ${n(from.x)} ${n(from.y)} A ${r} ${r} 0 0 1 ${n(to.x)} ${n(to.y)}" fill="none" stroke="${PALETTE.accent}" stroke-width="4"/>`,
      renderArrowHead(to.x, to.y, back.x, back.y, PALETTE.accent),
    ].join('\n');
  });
  const labels = steps.map((step) => {
    const p = point(step.angle);
    return [
      `<circle cx="${n(p.x)}" cy="${n(p.y)}" r="10" fill="${PALETTE.accent}"/>`,
      renderText(p.x + step.dx, p.y + step.dy, step.label, { size: 22, weight: 'bold', color: PALETTE.accent, anchor: step.anchor }),
    ].join('\n');
  });
  return [...arcs, ...labels].join('\n');
}

export function renderDeploymentDiagram(): string {
  const body = [
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="${PALETTE.paper}"/>`,
    renderText(300, 46, 'Une boucle de contrôle', { size: 30, weight: 'bold', color: PALETTE.blueDark, anchor: 'middle' }),
    renderLoop(300, 200, 95),
    renderText(300, 204, 'état désiré', { size: 17, color: PALETTE.muted, anchor: 'middle' }),
    renderText(300, 228, '= état réel ?', { size: 17, color: PALETTE.muted, anchor: 'middle' }),
    renderBox({ x: 150, y: 340, w: 300, h: 86 }, { title: 'Deployment web', subtitle: 'replicas: 2 · app=web' }),
    renderArrow(300, 426, 300, 470, { label: 'crée', labelDx: 10, labelDy: 6 }),
    renderBox({ x: 150, y: 474, w: 300, h: 86 }, { title: 'ReplicaSet', subtitle: 'web-7d4b9c5f8' }),
    renderArrow(260, 560, 170, 616, { label: 'crée', labelDx: -62, labelDy: 0 }),
    renderArrow(340, 560, 430, 616, {}),
    `<rect x="50" y="620" width="240" height="80" rx="14" fill="${PALETTE.greenLight}" stroke="${PALETTE.green}" stroke-width="3"/>`,
    renderText(170, 654, 'Pod', { size: 22, weight: 'bold', anchor: 'middle' }),
    renderText(170, 682, 'web-7d4b9c5f8-x2k4p', { size: 15, color: PALETTE.muted, anchor: 'middle', family: FONT_MONO }),
    `<rect x="310" y="620" width="240" height="80" rx="14" fill="${PALETTE.greenLight}" stroke="${PALETTE.green}" stroke-width="3"/>`,
    renderText(430, 654, 'Pod', { size: 22, weight: 'bold', anchor: 'middle' }),
    renderText(430, 682, 'web-7d4b9c5f8-q9mzt', { size: 15, color: PALETTE.muted, anchor: 'middle', family: FONT_MONO }),
    renderText(300, 740, 'kube-controller-manager : une boucle par type d’objet', { size: 17, color: PALETTE.muted, anchor: 'middle', italic: true }),
  ].join('\n');
  return renderSvgDocument({
    width: WIDTH,
    height: HEIGHT,
    title: 'Boucle de contrôle : un Deployment crée un ReplicaSet, qui crée les Pods',
    body,
  });
}
