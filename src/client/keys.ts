// Demo blocks never steal Marp's navigation keys. Marp bespoke stops the propagation of every
// keydown whose target is a BUTTON, INPUT, TEXTAREA… (its parent listener), so a focused demo button
// (or xterm's hidden textarea) would swallow ArrowRight, Space, PageDown: the clicker stops working.
// So: demo buttons never take focus from the mouse (mousedown default prevented; they have
// tabindex=-1 already), and a navigation key pressed while focus is inside a demo block is taken
// in the capture phase, the focus released, and the same key re-dispatched on the document, where
// Marp's navigation listens. (The run key `r` lives in run-key.ts.)

export const NAVIGATION_KEYS: ReadonlySet<string> = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'PageUp',
  'PageDown',
  ' ',
  'Home',
  'End',
]);

const BLOCK_SELECTOR = '.demystify-demo';

export interface KeysOptions {
  doc?: Document;
}

function isInsideDemo(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(BLOCK_SELECTOR) !== null;
}

function hasModifier(event: KeyboardEvent): boolean {
  return event.altKey || event.ctrlKey || event.metaKey;
}

/** Installs the key handling; returns a function that removes it. */
export function installKeys({ doc = document }: KeysOptions = {}): () => void {
  const view = doc.defaultView ?? window;
  const onMouseDown = (event: MouseEvent): void => {
    if (event.target instanceof Element && event.target.closest(`${BLOCK_SELECTOR} button`)) event.preventDefault();
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    if (!event.isTrusted || hasModifier(event)) return;
    if (NAVIGATION_KEYS.has(event.key) && isInsideDemo(event.target)) {
      event.preventDefault();
      event.stopImmediatePropagation();
      if (event.target instanceof HTMLElement) event.target.blur();
      doc.dispatchEvent(new KeyboardEvent('keydown', { key: event.key, code: event.code, shiftKey: event.shiftKey, bubbles: true, cancelable: true }));
    }
  };
  doc.addEventListener('mousedown', onMouseDown, true);
  view.addEventListener('keydown', onKeyDown, true);
  return () => {
    doc.removeEventListener('mousedown', onMouseDown, true);
    view.removeEventListener('keydown', onKeyDown, true);
  };
}
