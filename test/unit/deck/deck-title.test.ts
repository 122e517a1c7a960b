import { describe, expect, it } from 'vitest';
import { normalizeDeckTitle } from '../../../src/deck/deck-page.ts';

describe('deck page title', () => {
  it('is the first heading as a reader sees it, without the Markdown of its images', () => {
    const html = '<head><title>Démystifions le fonctionnement interne de Kubernetes ![height:55](binaries/kubernetes_small.svg)</title></head>';
    expect(normalizeDeckTitle(html)).toBe('<head><title>Démystifions le fonctionnement interne de Kubernetes</title></head>');
  });
});
