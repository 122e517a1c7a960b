// The ```demo blocks of the deck follow the fence contract (/work/notes/demo-syntax.md) and
// the talk's runbook (design.md): known options only, valid values, dependencies defined
// earlier, daemons with ports and deadlines, slides that stay legible.

import { describe, expect, it } from 'vitest';
import { DEMO_ID_PATTERN } from '../../../src/shared/demo.ts';
import { joinContinuations, parseDemoInfo, readDeck, splitSlides } from './deck-markdown.ts';
import type { DemoFence, DemoInfo } from './deck-markdown.ts';

const FLAGS = new Set(['daemon', 'command', 'insecure', 'start-needs', 'root']);
const KEYS = new Set(['ready', 'ca', 'cert', 'key', 'needs', 'ports', 'timeout', 'bin', 'title']);
const PROBE = /^(https?:\/\/[^/\s]+(\/\S*)?|tcp:[^:\s]+:\d+|unix:\S+|log:.+|cmd:.+)$/;
const MAX_COMMAND_COLUMNS = 80;

const slides = splitSlides(readDeck());
const fences: Array<DemoFence & { info: string; parsed: DemoInfo }> = slides.flatMap((slide) =>
  slide.fences.map((fence) => ({ ...fence, parsed: parseDemoInfo(fence.info) })),
);
const isReference = (fence: (typeof fences)[number]) => fence.body.trim() === '' && fence.parsed.flags.size === 0 && fence.parsed.values.size === 0;
const definitions = fences.filter((fence) => !isReference(fence));
const references = fences.filter(isReference);
const demoSlide = slides.find((slide) => slide.heading === "It's time to D-D-D-D-D-DEMO !");
const endSlide = slides.find((slide) => slide.heading.startsWith('Au final'));

describe('demo blocks', () => {
  it('exist, after the "It’s time to DEMO" slide', () => {
    expect(demoSlide).toBeDefined();
    expect(definitions.length).toBeGreaterThan(15);
    for (const fence of fences) expect(fence.slide).toBeGreaterThan(demoSlide?.number ?? Infinity);
  });

  it('define each demo once, between the DEMO slide and "Au final"', () => {
    const ids = definitions.map((fence) => fence.parsed.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const fence of definitions) expect(fence.slide).toBeLessThan(endSlide?.number ?? 0);
  });

  it('use valid ids and only the options of the fence syntax', () => {
    for (const { parsed, slide } of fences) {
      expect(parsed.id, `slide ${slide}`).toMatch(DEMO_ID_PATTERN);
      for (const flag of parsed.flags) expect(FLAGS, `slide ${slide}: unknown flag ${flag}`).toContain(flag);
      for (const key of parsed.values.keys()) expect(KEYS, `slide ${slide}: unknown option ${key}=`).toContain(key);
    }
  });

  it('give valid values to their options', () => {
    for (const { parsed, slide } of definitions) {
      const where = `slide ${slide} (${parsed.id})`;
      const { values } = parsed;
      if (values.has('timeout')) expect(values.get('timeout'), where).toMatch(/^\d+(ms|s|m)$/);
      if (values.has('ready')) expect(values.get('ready'), where).toMatch(PROBE);
      if (values.has('ports')) {
        for (const port of (values.get('ports') ?? '').split(',')) {
          expect(Number(port), where).toBeGreaterThan(0);
          expect(Number(port), where).toBeLessThan(65536);
        }
      }
      for (const need of (values.get('needs') ?? '').split(',').filter(Boolean)) expect(need, where).toMatch(DEMO_ID_PATTERN);
      expect(parsed.flags.has('daemon') && parsed.flags.has('command'), where).toBe(false);
    }
  });

  it('need only demos defined on an earlier slide', () => {
    const seen = new Set<string>();
    for (const { parsed, slide } of definitions) {
      for (const need of (parsed.values.get('needs') ?? '').split(',').filter(Boolean)) {
        expect(seen, `slide ${slide}: ${parsed.id} needs ${need}, which is not defined before`).toContain(need);
      }
      seen.add(parsed.id);
    }
  });

  it('give daemons a readiness check, a deadline and their executable; ports unless they have none', () => {
    const daemons = definitions.filter((fence) => fence.parsed.flags.has('daemon'));
    expect(daemons.map((fence) => fence.parsed.id)).toEqual(['etcd', 'kube-apiserver', 'controller-manager', 'scheduler', 'containerd', 'kubelet', 'kube-proxy']);
    for (const { parsed } of daemons) {
      expect(parsed.values.get('ready'), parsed.id).toBeDefined();
      expect(parsed.values.get('timeout'), parsed.id).toBeDefined();
      expect(parsed.values.get('bin'), parsed.id).toMatch(/^bin\//);
      // containerd listens on a unix socket only.
      if (parsed.id !== 'containerd') expect(parsed.values.get('ports'), parsed.id).toMatch(/^\d+(,\d+)*$/);
    }
  });

  it('run containerd, kubelet, kube-proxy, the CNI install and iptables as root, without sudo in the text', () => {
    const root = definitions.filter((fence) => fence.parsed.flags.has('root')).map((fence) => fence.parsed.id);
    expect(root).toEqual(expect.arrayContaining(['containerd', 'kubelet', 'kube-proxy', 'cni-bridge', 'iptables-services', 'iptables-statistic']));
    for (const fence of definitions) expect(fence.body, fence.parsed.id).not.toMatch(/\bsudo\b/);
  });

  it('write explicit commands: workspace binaries, --kubeconfig on every kubectl, no exported KUBECONFIG', () => {
    for (const { parsed, body } of definitions) {
      expect(body, parsed.id).not.toMatch(/export\s+KUBECONFIG/);
      for (const line of joinContinuations(body)) {
        // Every client of the cluster names its kubeconfig (`helm repo` is not one).
        const tools = line.match(/\bbin\/(kubectl|helm(?! repo)|cilium)\b/g) ?? [];
        const configs = line.match(/--kubeconfig[ =]admin\.conf/g) ?? [];
        expect(configs.length, `${parsed.id}: ${line}`).toBeGreaterThanOrEqual(tools.length);
        expect(line, parsed.id).not.toMatch(/(^|[\s|;&(])(kubectl|etcdctl|etcd|cfssl|kube-\w+|containerd|kubelet)\s/);
      }
    }
  });

  it('keep command lines short enough to read at 1280×720', () => {
    for (const { parsed, body } of definitions) {
      for (const line of body.split('\n')) expect(line.length, `${parsed.id}: ${line}`).toBeLessThanOrEqual(MAX_COMMAND_COLUMNS);
    }
  });

  it('put at most two demo blocks on a slide, under one heading', () => {
    for (const slide of slides.filter((s) => s.fences.length > 0)) {
      expect(slide.fences.length, `slide ${slide.number}`).toBeLessThanOrEqual(2);
      expect(slide.lines.filter((line) => /^#{1,6} /.test(line)), `slide ${slide.number}`).toHaveLength(1);
    }
  });

  it('mark online steps as such in their title', () => {
    for (const id of ['cni-cilium', 'ingress-traefik']) {
      const fence = definitions.find((f) => f.parsed.id === id);
      expect(fence?.parsed.values.get('title'), id).toMatch(/en ligne/);
    }
  });
});

describe('backup slides', () => {
  const referencesOn = (heading: string) =>
    references.filter((fence) => fence.heading === heading).map((fence) => fence.parsed.id);

  it('reuse the demos defined after the DEMO slide, by reference', () => {
    const defined = new Set(definitions.map((fence) => fence.parsed.id));
    expect(references.length).toBeGreaterThan(0);
    for (const fence of references) expect(defined, `slide ${fence.slide}`).toContain(fence.parsed.id);
    expect(referencesOn('Ajoutons un **controller-manager**')).toContain('controller-manager');
    expect(referencesOn('Ajoutons un **scheduler**')).toContain('scheduler');
    expect(referencesOn('Promis, il manque plus qu\'un bout 🙃')).toEqual(['containerd', 'kubelet']);
  });
});
