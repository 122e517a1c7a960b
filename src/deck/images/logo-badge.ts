// Logos come from simple-icons (CC0 paths, brand colours). Where a project has no icon
// there, a neutral badge (rounded rectangle + name) stands in; `renderLogoBadge` puts an
// icon and a name side by side (Cilium, Docker Swarm) so logo lists line up.

import type { SimpleIcon } from 'simple-icons';
import { FONT_SANS, PALETTE } from './palette.ts';
import { escapeXml, formatNumber as n, renderSvgDocument } from './svg-document.ts';

const ICON_BOX = 24;

/** Width of a bold sans-serif label, generous (DejaVu Sans Bold averages ~0.6 em). */
function measureLabel(label: string, size: number): number {
  return label.length * size * 0.62;
}

function renderIconPath(icon: SimpleIcon, x: number, y: number, size: number, color: string): string {
  const scale = size / ICON_BOX;
  return `<path transform="translate(${n(x)} ${n(y)}) scale(${n(scale)})" fill="${color}" d="${icon.path}"/>`;
}

export interface LogoOptions {
  /** Rendered size in CSS pixels (the image is square). */
  size?: number;
  /** Override the brand colour (hex with `#`). */
  color?: string;
}

/** A square logo in its brand colour. */
export function renderLogo(icon: SimpleIcon, options: LogoOptions = {}): string {
  const { size = 256, color = `#${icon.hex}` } = options;
  const margin = size * 0.04;
  return renderSvgDocument({
    width: size,
    height: size,
    title: `Logo ${icon.title}`,
    comment: `${icon.title} logo from simple-icons (CC0-1.0), slug "${icon.slug}"`,
    body: renderIconPath(icon, margin, margin, size - margin * 2, color),
  });
}

const BADGE_HEIGHT = 64;
const BADGE_TEXT = 30;

function renderBadgeFrame(width: number): string {
  return `<rect x="2" y="2" width="${width - 4}" height="${BADGE_HEIGHT - 4}" rx="14" fill="${PALETTE.paper}" stroke="${PALETTE.muted}" stroke-width="3"/>`;
}

/** A neutral badge: the project's name in a rounded rectangle (no logo available). */
export function renderNameBadge(label: string): string {
  const width = Math.ceil(measureLabel(label, BADGE_TEXT) + 48);
  const body = [
    renderBadgeFrame(width),
    `<text x="${n(width / 2)}" y="${n(BADGE_HEIGHT / 2 + BADGE_TEXT * 0.36)}" font-family="${FONT_SANS}" font-size="${BADGE_TEXT}" font-weight="bold" fill="${PALETTE.ink}" text-anchor="middle">${escapeXml(label)}</text>`,
  ].join('\n');
  return renderSvgDocument({ width, height: BADGE_HEIGHT, title: label, body });
}

/** A logo and a name side by side, the height of a name badge. */
export function renderLogoBadge(icon: SimpleIcon, label: string): string {
  const iconSize = BADGE_HEIGHT - 22;
  const textX = iconSize + 34;
  const width = Math.ceil(textX + measureLabel(label, BADGE_TEXT) + 22);
  const body = [
    renderBadgeFrame(width),
    renderIconPath(icon, 18, 11, iconSize, `#${icon.hex}`),
    `<text x="${n(textX)}" y="${n(BADGE_HEIGHT / 2 + BADGE_TEXT * 0.36)}" font-family="${FONT_SANS}" font-size="${BADGE_TEXT}" font-weight="bold" fill="${PALETTE.ink}">${escapeXml(label)}</text>`,
  ].join('\n');
  return renderSvgDocument({
    width,
    height: BADGE_HEIGHT,
    title: label,
    comment: `${icon.title} logo from simple-icons (CC0-1.0), slug "${icon.slug}"`,
    body,
  });
}
