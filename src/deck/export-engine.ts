// The engine Marp CLI renders the PDF with: the build engine (the deck, its demo plugin, the
// manifest channel), and each rendered page gets the recorded outcomes of its demo blocks and
// their CSS, so the PDF shows what each demo printed (one page per slide, as Marp prints it).
import type { Marp } from '@marp-team/marp-core';
import type { MarpOptions } from '@marp-team/marp-core';
import BuildEngine from './build-engine.ts';
import { inlineRecordedScreens, RECORDED_SCREEN_CSS } from './recorded-blocks.ts';
import { readRecordedDemos } from './recorded-channel.ts';

export default class ExportEngine extends BuildEngine {
  constructor(options: MarpOptions = {}) {
    super(options);
    const render = this.render.bind(this);
    this.render = ((markdown: string, env?: object) => {
      const result = render(markdown, env);
      const demos = readRecordedDemos();
      if (demos === undefined || demos.size === 0 || typeof result.html !== 'string') return result;
      return { ...result, html: inlineRecordedScreens(result.html, demos).html, css: `${result.css}\n${RECORDED_SCREEN_CSS}` };
    }) as Marp['render'];
  }
}
