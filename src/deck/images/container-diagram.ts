// « C'est une boîte ! » A container is a process of the host, run by a runtime and isolated
// by the kernel: namespaces (what it sees), cgroups (what it may use), an image (its files).

import { renderText } from './diagram-shapes.ts';
import { FONT_MONO, PALETTE } from './palette.ts';
import { renderSvgDocument } from './svg-document.ts';

const WIDTH = 560;
const HEIGHT = 720;

function renderTag(x: number, y: number, title: string, detail: string): string {
  return [
    `<rect x="${x}" y="${y}" width="200" height="74" rx="12" fill="${PALETTE.paper}" stroke="${PALETTE.blue}" stroke-width="2"/>`,
    renderText(x + 100, y + 31, title, { size: 20, weight: 'bold', color: PALETTE.blueDark, anchor: 'middle' }),
    renderText(x + 100, y + 56, detail, { size: 15, color: PALETTE.muted, anchor: 'middle' }),
  ].join('\n');
}

export function renderContainerDiagram(): string {
  const body = [
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="${PALETTE.paper}"/>`,
    // The host.
    `<rect x="20" y="20" width="520" height="680" rx="20" fill="${PALETTE.panel}" stroke="${PALETTE.line}" stroke-width="2"/>`,
    renderText(44, 60, 'Hôte Linux', { size: 26, weight: 'bold', color: PALETTE.muted }),
    // The box: a crate with a lid, holding one process.
    `<path d="M 130 200 L 280 140 L 430 200 L 280 260 Z" fill="${PALETTE.blueLight}" stroke="${PALETTE.blue}" stroke-width="4" stroke-linejoin="round"/>`,
    `<path d="M 130 200 L 130 380 L 280 440 L 280 260 Z" fill="${PALETTE.blue}" stroke="${PALETTE.blueDark}" stroke-width="4" stroke-linejoin="round"/>`,
    `<path d="M 430 200 L 430 380 L 280 440 L 280 260 Z" fill="${PALETTE.blueDark}" stroke="${PALETTE.blueDark}" stroke-width="4" stroke-linejoin="round"/>`,
    renderText(205, 330, 'processus', { size: 22, weight: 'bold', color: PALETTE.paper, anchor: 'middle' }),
    renderText(205, 358, 'PID 1', { size: 18, color: PALETTE.paper, anchor: 'middle', family: FONT_MONO }),
    renderText(355, 340, 'container', { size: 20, weight: 'bold', color: PALETTE.paper, anchor: 'middle' }),
    renderTag(40, 470, 'namespaces', 'ce qu’il voit'),
    renderTag(320, 470, 'cgroups', 'ce qu’il consomme'),
    renderTag(40, 560, 'image', 'ses fichiers'),
    renderTag(320, 560, 'runc', 'qui le lance'),
    `<rect x="40" y="650" width="480" height="36" rx="10" fill="${PALETTE.ink}"/>`,
    renderText(280, 675, 'noyau Linux (partagé)', { size: 18, weight: 'bold', color: PALETTE.paper, anchor: 'middle' }),
  ].join('\n');
  return renderSvgDocument({
    width: WIDTH,
    height: HEIGHT,
    title: 'Un container : un processus de l’hôte, isolé par namespaces et cgroups',
    body,
  });
}
