// The plugin on a bare markdown-it: ordinary Markdown untouched, demo blocks per the DOM contract,
// everything escaped, the manifest, and deck-level errors naming the slide.
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { DemoManifest } from '../../../src/shared/index.ts';
import { demoPlugin } from '../../../src/plugin/index.ts';

const HOSTILE = '"><script>alert(1)</script>';

function render(markdown: string, deck = 'slides/test.md', allowHtml = true): { html: string; manifest: DemoManifest } {
  const manifests: DemoManifest[] = [];
  const md = new MarkdownIt({ html: allowHtml }).use(demoPlugin, { deck, onManifest: (manifest) => manifests.push(manifest) });
  const html = md.render(markdown);
  expect(manifests).toHaveLength(1);
  return { html, manifest: manifests[0] as DemoManifest };
}

function renderError(markdown: string): { code: string | undefined; message: string } {
  try {
    render(markdown);
  } catch (error) {
    return { code: (error as { code?: string }).code, message: (error as Error).message };
  }
  throw new Error('expected the render to fail');
}

const BLOCK = /<div class="demystify-demo" [\s\S]*?data-demo-output[^>]*><\/div>\n<\/div>\n/g;

const ORDINARY = [
  '# Titre',
  '',
  '```bash',
  'echo "<b>pas une démo</b>"',
  '```',
  '',
  '```',
  'no info string',
  '```',
  '',
  '~~~yaml {data-x=1}',
  'kind: Deployment',
  '~~~',
  '',
  '```demonstration',
  'not a demo either',
  '```',
  '',
  '    indented code',
  '',
  '---',
  '',
  'Du *texte* et `du code`.',
].join('\n');

describe('demoPlugin on a bare markdown-it', () => {
  it('renders ordinary Markdown and fences byte-identically to markdown-it without the plugin', () => {
    const plain = new MarkdownIt({ html: true }).render(ORDINARY);
    expect(render(ORDINARY).html).toBe(plain);
    const highlighted = { html: true, highlight: (code: string, lang: string) => `<i data-lang="${lang}">${code.length}</i>` };
    expect(new MarkdownIt(highlighted).use(demoPlugin).render(ORDINARY)).toBe(new MarkdownIt(highlighted).render(ORDINARY));
  });

  it('renders a demo block with the DOM contract: id, kind, idle state, root, needs, run and stop buttons, status, output log', () => {
    const { html } = render(['## etcd', '', '```demo pki', 'cfssl gencert -initca ca-csr.json', '```', '', '```demo etcd daemon needs=pki', 'bin/etcd', '```'].join('\n'));
    expect(html).toContain(
      '<div class="demystify-demo" data-demo-id="etcd" data-demo-kind="daemon" data-demo-state="idle" data-demo-root="false" data-demo-needs="pki" data-demo-title="etcd">',
    );
    expect(html).toContain('<button type="button" class="demystify-demo__run" data-demo-action="run" tabindex="-1" title="Lancer la démo (touche r)">▶ Lancer</button>');
    expect(html).toContain('<button type="button" class="demystify-demo__stop" data-demo-action="stop" tabindex="-1" title="Arrêter la démo">■ Arrêter</button>');
    expect(html).toContain('<span class="demystify-demo__status" data-demo-status>à lancer</span>');
    expect(html).toContain('<div class="demystify-demo__output" role="log" aria-live="polite" aria-label="Sortie : etcd" data-demo-output');
    expect(html).toContain(
      '<pre class="demystify-demo__command"><code class="language-bash"><span class="demystify-demo__prompt" aria-hidden="true">$ </span>bin/etcd\n</code></pre>',
    );
    expect(html).not.toMatch(/<script|\son[a-z]+=/i);
  });

  it('gives commands no stop button and root demos the # prompt', () => {
    const { html } = render(['```demo ctr root', 'bin/ctr version', '```'].join('\n'));
    expect(html).toContain('data-demo-kind="command"');
    expect(html).toContain('data-demo-root="true"');
    expect(html).not.toContain('data-demo-action="stop"');
    expect(html).toContain('<span class="demystify-demo__prompt" aria-hidden="true"># </span>bin/ctr version');
  });

  it('renders hostile command and title text as text, never as markup', () => {
    const { html, manifest } = render(['## Titre', '', `\`\`\`demo evil title="${HOSTILE.replaceAll('"', '\\"')}"`, `echo ${HOSTILE}`, '```'].join('\n'));
    expect(html).not.toContain('<script>');
    expect(html).toContain('echo &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('data-demo-title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).toContain('aria-label="Sortie : &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(manifest.demos[0]).toMatchObject({ title: HOSTILE, command: `echo ${HOSTILE}` });
  });

  it('escapes a hostile slide heading used as the default title', () => {
    const { html, manifest } = render([`## ${HOSTILE}`, '', '```demo evil', 'true', '```'].join('\n'), 'slides/test.md', false);
    expect(manifest.demos[0]?.title).toBe(HOSTILE);
    expect(html).not.toContain('<script>');
    expect(html).toContain('data-demo-title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it('fails on a hostile id instead of rendering it', () => {
    expect(renderError(['```demo "><script>alert(1)</script>', 'true', '```'].join('\n')).message).toMatch(/^Slide 1, demo .*: Expected a closing double quote/);
    expect(renderError(['```demo <script>alert(1)</script>', 'true', '```'].join('\n'))).toEqual({
      code: 'DECK_INVALID',
      message: expect.stringMatching(/^Slide 1, demo "<script>alert\(1\)<\/script>": Expected a demo id matching/) as unknown as string,
    });
  });

  it('renders a reference block as the same demo again: same id, kind and command', () => {
    const { html, manifest } = render(
      ['## Démo', '', '```demo scheduler daemon', 'bin/kube-scheduler --kubeconfig admin.conf', '```', '', '---', '', '## Ajoutons un **scheduler**', '', '```demo scheduler', '```'].join('\n'),
    );
    const blocks = html.match(BLOCK) ?? [];
    expect(blocks).toHaveLength(2);
    expect(blocks[1]).toBe(blocks[0]);
    expect(manifest.demos).toHaveLength(1);
    expect(manifest.demos[0]).toMatchObject({ id: 'scheduler', slide: 1, title: 'Démo' });
  });

  it('resolves a reference that comes before its definition', () => {
    const { manifest } = render(['```demo later', '```', '', '---', '', '```demo later', 'echo later', '```'].join('\n'));
    expect(manifest.demos.map((demo) => [demo.id, demo.slide])).toEqual([['later', 2]]);
  });

  it('accepts a second identical definition on another slide as the same demo', () => {
    const { manifest } = render(['# Un', '```demo a needs=b', 'echo a', '```', '```demo b', 'echo b', '```', '---', '# Deux', '```demo a needs=b', 'echo a', '```'].join('\n'));
    expect(manifest.demos.map((demo) => demo.id)).toEqual(['a', 'b']);
  });

  it('collects the manifest: demos in order of first appearance, 1-based slides counted on ---, titles from headings', () => {
    const markdown = [
      '# Démystifions',
      '',
      '---',
      '',
      '## PKI',
      '',
      '```demo pki timeout=30s',
      'cfssl gencert -initca ca-csr.json | cfssljson -bare certs/ca',
      '```',
      '',
      '---',
      '',
      '## etcd',
      '',
      '```demo etcd daemon needs=pki ready=https://127.0.0.1:2379/health ca=certs/ca.pem cert=certs/admin.pem key=certs/admin-key.pem ports=2379,2380',
      'bin/etcd --data-dir etcd-data',
      '```',
    ].join('\n');
    const { manifest } = render(markdown, 'slides/deck.md');
    expect(manifest).toEqual({
      version: 1,
      deck: 'slides/deck.md',
      demos: [
        { id: 'pki', kind: 'command', command: 'cfssl gencert -initca ca-csr.json | cfssljson -bare certs/ca', needs: [], startNeeds: false, root: false, ports: [], timeoutMs: 30_000, slide: 2, title: 'PKI' },
        {
          id: 'etcd',
          kind: 'daemon',
          command: 'bin/etcd --data-dir etcd-data',
          ready: { type: 'http', url: 'https://127.0.0.1:2379/health', ca: 'certs/ca.pem', cert: 'certs/admin.pem', key: 'certs/admin-key.pem' },
          needs: ['pki'],
          startNeeds: false,
          root: false,
          ports: [2379, 2380],
          timeoutMs: 30_000,
          binary: 'bin/etcd',
          slide: 3,
          title: 'etcd',
        },
      ],
    });
  });

  it('reports an empty manifest for a deck without demos', () => {
    expect(render('# Rien\n').manifest).toEqual({ version: 1, deck: 'slides/test.md', demos: [] });
  });

  it('does not count a --- inside a fence or a list as a slide break', () => {
    const { manifest } = render(['```yaml', '---', 'a: 1', '```', '', '> ---', '', '```demo a', 'true', '```'].join('\n'));
    expect(manifest.demos[0]?.slide).toBe(1);
  });
});

describe('demoPlugin: deck errors fail the render and name the slide', () => {
  it.each([
    ['a bad info string', ['# A', '---', '```demo etcd daemon timeout=abc', 'bin/etcd', '```'], /^Slide 2, demo "etcd": Expected timeout= to be a positive duration .*got "abc"\. Fix the ```demo block in slides\/test\.md\.$/],
    ['an unknown option', ['```demo etcd turbo', 'bin/etcd', '```'], /^Slide 1, demo "etcd": Expected an option among .*got "turbo"/],
    [
      'two different definitions of one id',
      ['```demo etcd daemon', 'bin/etcd', '```', '---', '---', '```demo etcd daemon', 'bin/etcd --debug', '```'],
      /^Slide 3, demo "etcd": Expected the same command and options as its definition on slide 1 .*got a different definition/,
    ],
    ['one id defined with different options', ['```demo etcd daemon', 'bin/etcd', '```', '```demo etcd', 'bin/etcd', '```'], /^Slide 1, demo "etcd": Expected the same command and options/],
    ['a reference to an unknown id', ['```demo ghost', '```', '---', '```demo a', 'true', '```'], /^Slide 1, demo "ghost": Expected a definition of "ghost" somewhere in the deck for this reference, got none/],
    ['needs naming an unknown id', ['---', '```demo a needs=ghost', 'true', '```'], /^Slide 2, demo "a": Expected needs= to name demos defined in the deck, got unknown "ghost"/],
    ['needs naming itself', ['```demo a needs=a', 'true', '```'], /^Slide 1, demo "a": Expected needs= to name other demos, got "a" itself/],
    ['a needs cycle', ['```demo a needs=b', 'true', '```', '```demo b needs=a', 'true', '```'], /^Slide 1, demo "a": Expected needs= without cycles, got a → b → a/],
  ])('%s', (_name, lines, message) => {
    const error = renderError(lines.join('\n'));
    expect(error.code).toBe('DECK_INVALID');
    expect(error.message).toMatch(message);
  });
});
