// The "It's time to DEMO" title card: a terminal window on Kubernetes blue.

import { renderText } from './diagram-shapes.ts';
import { FONT_MONO, PALETTE } from './palette.ts';
import { renderSvgDocument } from './svg-document.ts';

const WIDTH = 1200;
const HEIGHT = 560;

export function renderDemoCard(): string {
  const body = [
    `<rect width="${WIDTH}" height="${HEIGHT}" rx="28" fill="${PALETTE.blue}"/>`,
    `<rect x="150" y="70" width="900" height="420" rx="18" fill="${PALETTE.terminal}"/>`,
    `<rect x="150" y="70" width="900" height="48" rx="18" fill="#2d3545"/>`,
    `<rect x="150" y="100" width="900" height="18" fill="#2d3545"/>`,
    `<circle cx="186" cy="94" r="10" fill="#ff5f57"/>`,
    `<circle cx="218" cy="94" r="10" fill="#febc2e"/>`,
    `<circle cx="250" cy="94" r="10" fill="#28c840"/>`,
    renderText(600, 102, 'workspace', { size: 20, color: '#9aa4b5', anchor: 'middle', family: FONT_MONO }),
    renderText(200, 190, '$ bin/etcd --data-dir etcd-data …', { size: 28, color: '#7ee787', family: FONT_MONO }),
    renderText(600, 370, 'DEMO', { size: 170, weight: 'bold', color: PALETTE.paper, anchor: 'middle', family: FONT_MONO }),
    renderText(600, 450, '▶ en direct, binaire par binaire', { size: 30, color: '#9ecbff', anchor: 'middle' }),
  ].join('\n');
  return renderSvgDocument({ width: WIDTH, height: HEIGHT, title: 'Démo en direct', body });
}
