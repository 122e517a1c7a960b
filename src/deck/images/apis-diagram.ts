// What the API server serves: groups of resources, built in or added (CRDs). Tall and
// narrow: it sits in the right 30 % of the "API server" slide.

import { renderText } from './diagram-shapes.ts';
import { FONT_MONO, PALETTE } from './palette.ts';
import { renderSvgDocument } from './svg-document.ts';

const WIDTH = 400;
const HEIGHT = 800;

interface ApiGroup {
  path: string;
  kinds: string[];
  extension?: boolean;
}

const API_GROUPS: ApiGroup[] = [
  { path: '/api/v1', kinds: ['Pod', 'Service', 'Node', 'Namespace', 'ConfigMap'] },
  { path: '/apis/apps/v1', kinds: ['Deployment', 'ReplicaSet', 'DaemonSet'] },
  { path: '/apis/networking.k8s.io/v1', kinds: ['Ingress', 'NetworkPolicy'] },
  { path: '/apis/batch/v1', kinds: ['Job', 'CronJob'] },
  { path: '/apis/<vos CRDs>', kinds: ['vos propres objets'], extension: true },
];

function renderGroup(group: ApiGroup, y: number): { svg: string; height: number } {
  const height = 52 + group.kinds.length * 28;
  const stroke = group.extension === true ? PALETTE.accent : PALETTE.blue;
  const fill = group.extension === true ? PALETTE.accentLight : PALETTE.blueLight;
  const dash = group.extension === true ? ' stroke-dasharray="8 6"' : '';
  const svg = [
    `<rect x="24" y="${y}" width="352" height="${height}" rx="14" fill="${fill}" stroke="${stroke}" stroke-width="3"${dash}/>`,
    renderText(40, y + 32, group.path, { size: 17, weight: 'bold', family: FONT_MONO, color: PALETTE.ink }),
    ...group.kinds.map((kind, i) => renderText(52, y + 62 + i * 28, `• ${kind}`, { size: 19, color: PALETTE.ink })),
  ].join('\n');
  return { svg, height };
}

export function renderApisDiagram(): string {
  const parts = [
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="${PALETTE.paper}"/>`,
    renderText(200, 44, 'Les APIs', { size: 30, weight: 'bold', color: PALETTE.blueDark, anchor: 'middle' }),
  ];
  let y = 66;
  for (const group of API_GROUPS) {
    const { svg, height } = renderGroup(group, y);
    parts.push(svg);
    y += height + 14;
  }
  parts.push(renderText(200, HEIGHT - 20, 'extensible', { size: 20, weight: 'bold', color: PALETTE.accent, anchor: 'middle', italic: true }));
  return renderSvgDocument({
    width: WIDTH,
    height: HEIGHT,
    title: 'Les groupes d’APIs servis par kube-apiserver, extensibles par des CRDs',
    body: parts.join('\n'),
  });
}
