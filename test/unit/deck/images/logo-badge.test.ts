import { siCilium, siCreativecommons, siKubernetes } from 'simple-icons';
import { describe, expect, it } from 'vitest';
import { renderCcBySaBadge, renderLogo, renderLogoBadge, renderNameBadge } from '../../../../src/deck/images/index.ts';

describe('logos and badges', () => {
  it('draw a simple-icons logo in its brand colour, credited', () => {
    const svg = renderLogo(siKubernetes);
    expect(svg).toContain(`d="${siKubernetes.path}"`);
    expect(svg).toContain('fill="#326CE5"');
    expect(svg).toContain('simple-icons (CC0-1.0)');
  });

  it('write the name on a neutral badge, escaped', () => {
    expect(renderNameBadge('Calico')).toContain('>Calico</text>');
    expect(renderNameBadge('A & B')).toContain('>A &amp; B</text>');
  });

  it('put a logo next to its name', () => {
    const svg = renderLogoBadge(siCilium, 'Cilium');
    expect(svg).toContain(siCilium.path);
    expect(svg).toContain('>Cilium</text>');
  });

  it('compose the CC BY-SA 4.0 button from the CC mark', () => {
    const svg = renderCcBySaBadge(siCreativecommons);
    expect(svg).toContain(siCreativecommons.path);
    expect(svg).toContain('>BY-SA</text>');
    expect(svg).toContain('>4.0</text>');
  });
});
