// Draws a TerminalScreen into a block's output region: at most once per animation frame, only the
// lines that changed, a bounded number of DOM lines ("N lignes masquées" above them), and
// auto-scroll that pauses while the speaker scrolls up and resumes at the bottom.
import { renderLineHtml } from '../shared/terminal/index.ts';
import type { TerminalScreen } from '../shared/terminal/index.ts';
import { LABELS } from './labels.ts';

export const DOM_MAX_LINES = 400;

export interface TerminalView {
  /** Lines from this absolute index on changed. */
  invalidate(fromLine: number): void;
  /** Draw now if anything changed (called from the frame loop). */
  render(): void;
  readonly element: HTMLElement;
}

export function createTerminalView(element: HTMLElement, screen: () => TerminalScreen): TerminalView {
  element.classList.add('demystify-term', 'demystify-term--empty');
  const notice = document.createElement('div');
  notice.className = 'demystify-term__hidden';
  notice.hidden = true;
  const body = document.createElement('div');
  body.className = 'demystify-term__lines';
  const follow = document.createElement('button');
  follow.type = 'button';
  follow.tabIndex = -1;
  follow.className = 'demystify-term__follow';
  follow.textContent = LABELS.follow;
  follow.hidden = true;
  element.replaceChildren(notice, body, follow);

  let firstLine = 0;
  let dirtyFrom = 0;
  let following = true;
  let scrollingByUs = false;
  // Only a panel on screen is drawn; a hidden slide's panel catches up when it is shown.
  let visible = typeof IntersectionObserver === 'undefined';
  if (!visible) {
    new IntersectionObserver((entries) => {
      visible = entries.some((entry) => entry.isIntersecting);
      if (visible) draw();
    }).observe(element);
  }

  const scrollToEnd = (): void => {
    scrollingByUs = true;
    element.scrollTop = element.scrollHeight;
  };
  element.addEventListener('scroll', () => {
    if (scrollingByUs) {
      scrollingByUs = false;
      return;
    }
    following = element.scrollTop + element.clientHeight >= element.scrollHeight - 8;
    follow.hidden = following;
  });
  // The wheel scrolls the output, not the slides.
  element.addEventListener('wheel', (event) => event.stopPropagation(), { passive: true });
  follow.addEventListener('click', () => {
    following = true;
    follow.hidden = true;
    scrollToEnd();
  });

  return {
    element,
    invalidate(fromLine) {
      if (fromLine < dirtyFrom) dirtyFrom = fromLine;
    },
    render: draw,
  };

  function draw(): void {
    if (dirtyFrom === Number.POSITIVE_INFINITY || !visible) return;
    const current = screen();
    const lines = current.lines;
    let count = lines.length;
    while (count > 0 && (lines[count - 1]?.length ?? 0) === 0) count -= 1;
    const end = current.droppedLines + count;
    const start = Math.max(current.droppedLines, end - DOM_MAX_LINES);
    const nodes = body.children;
    // Drop lines that fell out of the window, or everything if the window jumped past it.
    if (start >= firstLine + nodes.length || start < firstLine || dirtyFrom < firstLine) {
      body.replaceChildren();
      firstLine = start;
    } else {
      for (let n = start - firstLine; n > 0; n--) body.firstElementChild?.remove();
      firstLine = start;
    }
    while (firstLine + nodes.length > end) body.lastElementChild?.remove();
    for (let abs = Math.max(dirtyFrom, firstLine); abs < firstLine + nodes.length; abs++) {
      (nodes[abs - firstLine] as HTMLElement).innerHTML = renderLineHtml(lines[abs - current.droppedLines]!, current.styles);
    }
    if (firstLine + nodes.length < end) {
      const fragment = document.createDocumentFragment();
      for (let abs = firstLine + nodes.length; abs < end; abs++) {
        const div = document.createElement('div');
        div.className = 'demystify-term__line';
        div.innerHTML = renderLineHtml(lines[abs - current.droppedLines]!, current.styles);
        fragment.append(div);
      }
      body.append(fragment);
    }
    notice.hidden = firstLine === 0;
    notice.textContent = LABELS.hiddenLines(firstLine);
    element.classList.toggle('demystify-term--empty', end === 0);
    dirtyFrom = Number.POSITIVE_INFINITY;
    if (following) scrollToEnd();
  }
}
