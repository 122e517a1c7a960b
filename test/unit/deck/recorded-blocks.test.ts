import { describe, expect, it } from 'vitest';
import { createDeckMarp, inlineRecordedScreens, renderRecordedScreen } from '../../../src/deck/index.ts';
import type { RecordedDemo } from '../../../src/deck/index.ts';
import type { Cast } from '../../../src/shared/index.ts';

const DECK = `---
marp: true
---

## Deux démos

\`\`\`demo etcd-put
bin/etcdctl put /demystifions "Bonjour"
\`\`\`

\`\`\`demo etcd-get
bin/etcdctl get /demystifions
\`\`\`
`;

function recorded(id: string, output: string): RecordedDemo {
  const cast: Cast = { header: { version: 2, width: 80, height: 24, timestamp: 1_767_268_800 }, events: [{ t: 0.1, code: 'o', data: output }], warnings: [], trimmed: false };
  return { id, cast, outcome: { output, state: 'exited', exitCode: 0, recordedAt: 1_767_268_800_000 }, ...renderRecordedScreen(output, 24) };
}

describe('inlineRecordedScreens', () => {
  const { html } = createDeckMarp().render(DECK);

  it('fills a recorded block: its screen with colours, escaped; its date; its state; a pill that says it is a recording', () => {
    const demos = new Map([['etcd-put', recorded('etcd-put', '\u001b[32mOK\u001b[0m\r\n<b>&</b>\r\n')]]);
    const { html: filled, filled: ids } = inlineRecordedScreens(html, demos);
    expect(ids).toEqual(['etcd-put']);
    const block = /<div class="demystify-demo" data-demo-id="etcd-put"[\s\S]*?<\/div><\/div><\/div>/.exec(filled)?.[0] ?? '';
    expect(block).toContain('data-demo-state="exited"');
    expect(block).toContain('data-demo-source="replay"');
    expect(block).toContain('<span class="demystify-demo__status" data-demo-status>REJEU — enregistrement du 01/01/2026</span>');
    expect(block).toContain('Sortie enregistrée le 01/01/2026');
    expect(block).toMatch(/<span style="[^"]*color:[^"]*">OK<\/span>/);
    expect(block).toContain('&lt;b&gt;&amp;&lt;/b&gt;');
    expect(block).not.toContain('<b>');
  });

  it('leaves a block without recording as the live-demo area it was', () => {
    const { html: filled } = inlineRecordedScreens(html, new Map([['etcd-put', recorded('etcd-put', 'OK\r\n')]]));
    const untouched = /<div class="demystify-demo" data-demo-id="etcd-get"[\s\S]*?data-demo-output[^>]*><\/div>/.exec(html)?.[0];
    expect(untouched).toBeDefined();
    expect(filled).toContain(untouched);
  });
});

describe('renderRecordedScreen', () => {
  it('draws the output as the live panel does: a \\r progress line ends at its last rewrite, only the last lines are kept', () => {
    const output = `${Array.from({ length: 100 }, (_, n) => `line ${n}\r\n`).join('')}progress 10%\rprogress 100%\r\n`;
    const { screenText, screenHtml } = renderRecordedScreen(output, 24);
    const lines = screenText.split('\n');
    expect(lines.at(-1)).toBe('progress 100%');
    expect(lines).toHaveLength(60);
    expect(lines[0]).toBe('line 41');
    expect(screenHtml.match(/<div class="demystify-term__line">/g)).toHaveLength(60);
  });
});
