// The licence button of the talk (CC BY-SA 4.0), composed like Creative Commons' own 88×31
// buttons: the CC mark from simple-icons on the left, the licence on the right.

import type { SimpleIcon } from 'simple-icons';
import { FONT_SANS, PALETTE } from './palette.ts';
import { formatNumber as n, renderSvgDocument } from './svg-document.ts';

const WIDTH = 176;
const HEIGHT = 62;

export function renderCcBySaBadge(ccIcon: SimpleIcon): string {
  const iconSize = 44;
  const scale = iconSize / 24;
  const body = [
    `<rect x="1" y="1" width="${WIDTH - 2}" height="${HEIGHT - 2}" rx="6" fill="#aab2ab" stroke="${PALETTE.ink}" stroke-width="2"/>`,
    `<rect x="5" y="5" width="58" height="${HEIGHT - 10}" rx="4" fill="${PALETTE.paper}"/>`,
    `<path transform="translate(12 9) scale(${n(scale)})" fill="${PALETTE.ink}" d="${ccIcon.path}"/>`,
    `<rect x="67" y="5" width="${WIDTH - 72}" height="${HEIGHT - 10}" rx="4" fill="${PALETTE.ink}"/>`,
    `<text x="${n(67 + (WIDTH - 72) / 2)}" y="31" font-family="${FONT_SANS}" font-size="22" font-weight="bold" fill="${PALETTE.paper}" text-anchor="middle">BY-SA</text>`,
    `<text x="${n(67 + (WIDTH - 72) / 2)}" y="52" font-family="${FONT_SANS}" font-size="16" fill="${PALETTE.paper}" text-anchor="middle">4.0</text>`,
  ].join('\n');
  return renderSvgDocument({
    width: WIDTH,
    height: HEIGHT,
    title: 'Licence Creative Commons Attribution – Partage dans les mêmes conditions 4.0 (CC BY-SA 4.0)',
    comment: 'Creative Commons mark from simple-icons (CC0-1.0), slug "creativecommons"',
    body,
  });
}
