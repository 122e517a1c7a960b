// A free key runs the current slide's next demo, so the speaker's clicker or keyboard never has to
// reach for the mouse. Buttons never take Marp's navigation keys (see keys.ts).
import type { DemoModel } from './demo-store.ts';

export const RUN_KEY = 'r';

const DONE_STATES = new Set(['starting', 'running', 'ready', 'replaying']);

/** The active slide: Marp bespoke marks it; fall back to the first one. */
export function findActiveSlide(root: ParentNode = document): Element | null {
  return root.querySelector('.bespoke-marp-active section, section.bespoke-marp-active, svg.bespoke-marp-active') ?? root.querySelector('section');
}

export function findNextDemo(slide: Element, model: (id: string) => DemoModel | undefined): string | undefined {
  for (const block of slide.querySelectorAll<HTMLElement>('[data-demo-id]')) {
    const id = block.dataset['demoId'];
    if (!id) continue;
    const current = model(id);
    if (!current) continue;
    const succeeded = current.state === 'exited' && (current.exitCode === 0 || current.exitCode === undefined);
    if (!DONE_STATES.has(current.state) && !succeeded) return id;
  }
  return undefined;
}

export function installRunKey(run: (id: string) => void, model: (id: string) => DemoModel | undefined): void {
  document.addEventListener('keydown', (event) => {
    if (event.key !== RUN_KEY || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    const target = event.target as HTMLElement | null;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    const slide = findActiveSlide();
    const id = slide ? findNextDemo(slide, model) : undefined;
    if (id) {
      event.preventDefault();
      run(id);
    }
  });
}
