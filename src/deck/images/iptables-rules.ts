// What kube-proxy writes, as a terminal would show it: the KUBE-SERVICES chain sends the
// Service's ClusterIP to a KUBE-SVC chain, which picks an endpoint at random (statistic)
// and jumps to a KUBE-SEP chain that DNATs to a Pod. Chain hashes as in the talk's README.

import { FONT_MONO, MONO_ADVANCE_EM, PALETTE } from './palette.ts';
import { escapeCodeText, formatNumber as n, renderSvgDocument } from './svg-document.ts';

interface Segment {
  text: string;
  color?: string;
  bold?: boolean;
}

type Line = Segment[];

const PROMPT = '#7ee787';
const CHAIN = '#79c0ff';
const COMMENT = '#8b949e';
const MATCH = '#ffa657';

const SVC = 'KUBE-SVC-LOLE4ISW44XBNF3G';

const RULE_LINES: Line[] = [
  [{ text: '# ', color: PROMPT }, { text: 'iptables -t nat -L KUBE-SERVICES -n', bold: true }],
  [{ text: 'Chain KUBE-SERVICES (2 references)' }],
  [{ text: 'KUBE-SVC-NPX46M4PTMTKRN6Y', color: CHAIN }, { text: '  tcp  0.0.0.0/0  10.0.0.1   ' }, { text: '/* default/kubernetes:https */', color: COMMENT }, { text: ' tcp dpt:443' }],
  [{ text: SVC, color: CHAIN }, { text: '  tcp  0.0.0.0/0  10.0.0.34  ' }, { text: '/* default/web cluster IP */', color: COMMENT }, { text: ' tcp dpt:3000' }],
  [{ text: 'KUBE-NODEPORTS', color: CHAIN }, { text: '             all  0.0.0.0/0  0.0.0.0/0  ' }, { text: '/* kubernetes service nodeports */', color: COMMENT }],
  [],
  [{ text: '# ', color: PROMPT }, { text: `iptables -t nat -L ${SVC} -n`, bold: true }],
  [{ text: `Chain ${SVC} (1 references)` }],
  [{ text: 'KUBE-SEP-3RY52QTAPPWAROT7', color: CHAIN }, { text: '  ' }, { text: '/* default/web -> 10.244.0.5:8081 */', color: COMMENT }, { text: ' statistic mode random probability 0.5', color: MATCH }],
  [{ text: 'KUBE-SEP-XDYZG4GSYEXZWWXS', color: CHAIN }, { text: '  ' }, { text: '/* default/web -> 10.244.0.6:8081 */', color: COMMENT }],
  [],
  [{ text: '# ', color: PROMPT }, { text: 'iptables -t nat -L KUBE-SEP-3RY52QTAPPWAROT7 -n', bold: true }],
  [{ text: 'DNAT', color: MATCH }, { text: '  tcp  0.0.0.0/0  0.0.0.0/0  ' }, { text: '/* default/web */', color: COMMENT }, { text: ' tcp to:10.244.0.5:8081', color: MATCH }],
];

const FONT_SIZE = 17;
const LINE_HEIGHT = 26;
const PADDING = 24;
const DISPLAY_SCALE = 0.85;

function renderLine(line: Line, y: number): string {
  if (line.length === 0) return '';
  const spans = line.map((segment) => {
    const fill = segment.color ?? PALETTE.terminalInk;
    const weight = segment.bold === true ? ' font-weight="bold"' : '';
    return `<tspan fill="${fill}"${weight}>${escapeCodeText(segment.text)}</tspan>`;
  });
  return `<text x="${PADDING}" y="${n(y)}" font-family="${FONT_MONO}" font-size="${FONT_SIZE}">${spans.join('')}</text>`;
}

export function renderIptablesRules(): string {
  const columns = Math.max(...RULE_LINES.map((line) => line.reduce((sum, segment) => sum + segment.text.length, 0)));
  const width = Math.ceil(PADDING * 2 + columns * FONT_SIZE * MONO_ADVANCE_EM);
  const height = PADDING * 2 + RULE_LINES.length * LINE_HEIGHT;
  const body = [
    `<rect width="${width}" height="${height}" rx="14" fill="${PALETTE.terminal}"/>`,
    ...RULE_LINES.map((line, i) => renderLine(line, PADDING + FONT_SIZE + i * LINE_HEIGHT)),
  ]
    .filter((part) => part !== '')
    .join('\n');
  return renderSvgDocument({
    width,
    height,
    title: 'Règles iptables écrites par kube-proxy : KUBE-SERVICES, KUBE-SVC (tirage au hasard), KUBE-SEP (DNAT)',
    body,
    // Shown at its intrinsic size under a heading and two lines of text.
    scale: DISPLAY_SCALE,
  });
}
