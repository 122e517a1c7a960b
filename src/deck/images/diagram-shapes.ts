// Drawing primitives shared by the diagrams: component boxes, a database cylinder, panels,
// arrows and text. A component is drawn in one of three states: already there (`active`),
// added by this view (`new`), or still to come (`ghost`, dashed and grey).

import { FONT_MONO, FONT_SANS, PALETTE } from './palette.ts';
import { escapeXml, formatNumber as n } from './svg-document.ts';

export type ShapeState = 'active' | 'new' | 'ghost';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface StateStyle {
  stroke: string;
  fill: string;
  title: string;
  subtitle: string;
  dash: string;
}

export function createStateStyle(state: ShapeState): StateStyle {
  if (state === 'new') {
    return { stroke: PALETTE.accent, fill: PALETTE.accentLight, title: PALETTE.ink, subtitle: PALETTE.muted, dash: '' };
  }
  if (state === 'ghost') {
    return { stroke: PALETTE.ghost, fill: PALETTE.paper, title: PALETTE.ghost, subtitle: PALETTE.ghost, dash: ' stroke-dasharray="8 6"' };
  }
  return { stroke: PALETTE.blue, fill: PALETTE.blueLight, title: PALETTE.ink, subtitle: PALETTE.muted, dash: '' };
}

export interface TextOptions {
  size?: number;
  weight?: 'normal' | 'bold';
  color?: string;
  anchor?: 'start' | 'middle' | 'end';
  family?: string;
  italic?: boolean;
}

export function renderText(x: number, y: number, text: string, options: TextOptions = {}): string {
  const { size = 20, weight = 'normal', color = PALETTE.ink, anchor = 'start', family = FONT_SANS, italic = false } = options;
  const style = italic ? ' font-style="italic"' : '';
  const bold = weight === 'bold' ? ' font-weight="bold"' : '';
  return `<text x="${n(x)}" y="${n(y)}" font-family="${family}" font-size="${n(size)}"${bold}${style} fill="${color}" text-anchor="${anchor}">${escapeXml(text)}</text>`;
}

export interface BoxOptions {
  title: string;
  subtitle?: string;
  state?: ShapeState;
  titleSize?: number;
  radius?: number;
}

/** A component: rounded box, bold name, a smaller French role under it. */
export function renderBox(rect: Rect, options: BoxOptions): string {
  const { title, subtitle, state = 'active', titleSize = 22, radius = 12 } = options;
  const style = createStateStyle(state);
  const cx = rect.x + rect.w / 2;
  const titleY = subtitle === undefined ? rect.y + rect.h / 2 + titleSize * 0.35 : rect.y + rect.h / 2 - 4;
  const parts = [
    `<rect x="${n(rect.x)}" y="${n(rect.y)}" width="${n(rect.w)}" height="${n(rect.h)}" rx="${n(radius)}" fill="${style.fill}" stroke="${style.stroke}" stroke-width="3"${style.dash}/>`,
    renderText(cx, titleY, title, { size: titleSize, weight: 'bold', color: style.title, anchor: 'middle' }),
  ];
  if (subtitle !== undefined) {
    parts.push(renderText(cx, rect.y + rect.h / 2 + titleSize * 0.85, subtitle, { size: titleSize * 0.72, color: style.subtitle, anchor: 'middle' }));
  }
  return parts.join('\n');
}

/** A database: the usual cylinder. */
export function renderCylinder(rect: Rect, options: BoxOptions): string {
  const { title, subtitle, state = 'active', titleSize = 22 } = options;
  const style = createStateStyle(state);
  const ry = Math.min(18, rect.h / 6);
  const { x, y, w, h } = rect;
  const body = `M ${n(x)} ${n(y + ry)} A ${n(w / 2)} ${n(ry)} 0 0 1 ${n(x + w)} ${n(y + ry)} V ${n(y + h - ry)} A ${n(w / 2)} ${n(ry)} 0 0 1 ${n(x)} ${n(y + h - ry)} Z`;
  const rim = `M ${n(x)} ${n(y + ry)} A ${n(w / 2)} ${n(ry)} 0 0 0 ${n(x + w)} ${n(y + ry)}`;
  const cx = x + w / 2;
  const mid = y + ry + (h - ry) / 2;
  return [
    `<path d="${body}" fill="${style.fill}" stroke="${style.stroke}" stroke-width="3"${style.dash}/>`,
    `<path d="${rim}" fill="none" stroke="${style.stroke}" stroke-width="3"${style.dash}/>`,
    renderText(cx, subtitle === undefined ? mid + 8 : mid, title, { size: titleSize, weight: 'bold', color: style.title, anchor: 'middle' }),
    ...(subtitle === undefined ? [] : [renderText(cx, mid + titleSize * 0.95, subtitle, { size: titleSize * 0.72, color: style.subtitle, anchor: 'middle' })]),
  ].join('\n');
}

/** A grouping area (control plane, node) with its label in the top-left corner. */
export function renderPanel(rect: Rect, label: string, state: ShapeState = 'active'): string {
  const ghost = state === 'ghost';
  const stroke = ghost ? PALETTE.ghost : PALETTE.line;
  const dash = ghost ? ' stroke-dasharray="10 8"' : '';
  return [
    `<rect x="${n(rect.x)}" y="${n(rect.y)}" width="${n(rect.w)}" height="${n(rect.h)}" rx="18" fill="${ghost ? PALETTE.paper : PALETTE.panel}" stroke="${stroke}" stroke-width="2"${dash}/>`,
    renderText(rect.x + 22, rect.y + 38, label, { size: 24, weight: 'bold', color: ghost ? PALETTE.ghost : PALETTE.muted }),
  ].join('\n');
}

export interface ArrowOptions {
  state?: ShapeState;
  both?: boolean;
  label?: string;
  /** Where the label goes relative to the segment's middle. */
  labelDx?: number;
  labelDy?: number;
}

/** Arrow heads as plain triangles (no <marker>), so every renderer draws them the same. */
export function renderArrowHead(x: number, y: number, fromX: number, fromY: number, color: string): string {
  const angle = Math.atan2(y - fromY, x - fromX);
  const size = 14;
  const spread = 0.45;
  const ax = x - size * Math.cos(angle - spread);
  const ay = y - size * Math.sin(angle - spread);
  const bx = x - size * Math.cos(angle + spread);
  const by = y - size * Math.sin(angle + spread);
  return `<path d="M ${n(x)} ${n(y)} L ${n(ax)} ${n(ay)} L ${n(bx)} ${n(by)} Z" fill="${color}"/>`;
}

export function renderArrow(x1: number, y1: number, x2: number, y2: number, options: ArrowOptions = {}): string {
  const { state = 'active', both = false, label, labelDx = 8, labelDy = 0 } = options;
  const color = state === 'ghost' ? PALETTE.ghost : state === 'new' ? PALETTE.accent : PALETTE.muted;
  const dash = state === 'ghost' ? ' stroke-dasharray="8 6"' : '';
  const parts = [
    `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${color}" stroke-width="3"${dash}/>`,
    renderArrowHead(x2, y2, x1, y1, color),
  ];
  if (both) parts.push(renderArrowHead(x1, y1, x2, y2, color));
  if (label !== undefined) {
    parts.push(renderText((x1 + x2) / 2 + labelDx, (y1 + y2) / 2 + labelDy, label, { size: 16, color, italic: true }));
  }
  return parts.join('\n');
}

/** A container: a small crate (box with slats), the talk's « c'est une boîte ». */
export function renderContainerGlyph(x: number, y: number, size: number, color: string): string {
  const slat = (i: number) => {
    const sy = y + (size * i) / 4;
    return `<line x1="${n(x + size * 0.18)}" y1="${n(sy)}" x2="${n(x + size * 0.82)}" y2="${n(sy)}" stroke="${color}" stroke-width="2"/>`;
  };
  return [
    `<rect x="${n(x)}" y="${n(y)}" width="${n(size)}" height="${n(size)}" rx="${n(size * 0.12)}" fill="${PALETTE.paper}" stroke="${color}" stroke-width="2.5"/>`,
    slat(1),
    slat(2),
    slat(3),
  ].join('\n');
}

export interface PodOptions {
  title: string;
  /** Second line in monospace: an IP, a port. */
  detail: string;
  state?: ShapeState;
  detailSize?: number;
}

/** A Pod: green box, a container crate, its name and an IP or port. */
export function renderPod(rect: Rect, options: PodOptions): string {
  const { title, detail, state = 'active', detailSize = 15 } = options;
  const ghost = state === 'ghost';
  const stroke = ghost ? PALETTE.ghost : PALETTE.green;
  const dash = ghost ? ' stroke-dasharray="8 6"' : '';
  const glyph = Math.min(50, rect.h - 30);
  const textX = rect.x + 14 + glyph + 12;
  const mid = rect.y + rect.h / 2;
  return [
    `<rect x="${n(rect.x)}" y="${n(rect.y)}" width="${n(rect.w)}" height="${n(rect.h)}" rx="12" fill="${ghost ? PALETTE.paper : PALETTE.greenLight}" stroke="${stroke}" stroke-width="3"${dash}/>`,
    renderContainerGlyph(rect.x + 14, mid - glyph / 2, glyph, stroke),
    renderText(textX, mid - 4, title, { size: 20, weight: 'bold', color: ghost ? PALETTE.ghost : PALETTE.ink }),
    renderText(textX, mid + 20, detail, { size: detailSize, color: ghost ? PALETTE.ghost : PALETTE.muted, family: FONT_MONO }),
  ].join('\n');
}

/** An arrow along a polyline (orthogonal routes around boxes); the head is on the last point. */
export function renderPathArrow(points: ReadonlyArray<readonly [number, number]>, options: ArrowOptions = {}): string {
  const { state = 'active' } = options;
  const color = state === 'ghost' ? PALETTE.ghost : state === 'new' ? PALETTE.accent : PALETTE.muted;
  const dash = state === 'ghost' ? ' stroke-dasharray="8 6"' : '';
  const last = points[points.length - 1];
  const before = points[points.length - 2];
  if (last === undefined || before === undefined) return '';
  const d = points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'} ${n(x)} ${n(y)}`).join(' ');
  return [
    `<path d="${d}" fill="none" stroke="${color}" stroke-width="3" stroke-linejoin="round"${dash}/>`,
    renderArrowHead(last[0], last[1], before[0], before[1], color),
  ].join('\n');
}
