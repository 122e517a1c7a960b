// Draws a TerminalScreen into a block's output region: at most once per animation frame, only the
// lines that changed, a bounded number of DOM lines ("N lignes masquées" above them), and
// auto-scroll that pauses while the speaker scrolls up and resumes at the bottom. A flood creates
// about a panel's worth of lines per frame, newest first; older lines are filled in once it calms down.
import { renderLineHtml } from '../shared/terminal/index.ts';
import type { TerminalScreen } from '../shared/terminal/index.ts';
import { LABELS } from './labels.ts';

export const DOM_MAX_LINES = 400;
/**
 * Lines created per frame at most: what the panel shows, and a few more (a flood shows its newest
 * lines; older ones follow when calm). Laying out lines nobody sees was most of a flood's frame:
 * 60 lines a frame cost 17–20 ms of layout in a 4-line panel.
 */
const FRAME_LINES_MIN = 8;
const FRAME_LINES_MAX = 60;
const FRAME_LINES_SPARE = 4;
/** A scroll this soon after the speaker's wheel or touch is theirs. */
const USER_SCROLL_MS = 300;
/** Quiet time after the last new line before older lines are filled in. */
export const CALM_MS = 250;

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
  /** Fewer lines are drawn than the window holds: older ones are added on the next frames. */
  let backfilling = false;
  let backfillAsked = false;
  let lastAppendAt = Number.NEGATIVE_INFINITY;
  let following = true;
  // Only a panel on screen is drawn; a hidden slide's panel catches up when it is shown.
  let visible = typeof IntersectionObserver === 'undefined';
  if (!visible) {
    new IntersectionObserver((entries) => {
      visible = entries.some((entry) => entry.isIntersecting);
      if (visible) draw();
    }).observe(element);
  }

  // Following pauses only when the speaker scrolls (wheel, touch, the scrollbar): a scroll that
  // comes from the page itself (lines drawn, a line that wraps once laid out) puts a following panel
  // back at the bottom instead.
  let userScrollUntil = 0;
  let pointerHeld = false;
  const byUser = (): boolean => pointerHeld || performance.now() < userScrollUntil;
  const markUser = (): void => void (userScrollUntil = performance.now() + USER_SCROLL_MS);
  const atBottom = (): boolean => element.scrollTop + element.clientHeight >= element.scrollHeight - 8;
  const setFollowing = (value: boolean): void => {
    following = value;
    follow.hidden = value;
  };
  const scrollToEnd = (): void => {
    element.scrollTop = element.scrollHeight;
  };
  element.addEventListener('scroll', () => {
    if (byUser()) setFollowing(atBottom());
    else if (following && !atBottom()) scrollToEnd();
  });
  // The wheel scrolls the output, not the slides; up pauses at once (before the next frame's draw).
  element.addEventListener(
    'wheel',
    (event) => {
      event.stopPropagation();
      markUser();
      if (event.deltaY < 0 && element.scrollTop > 0) setFollowing(false);
    },
    { passive: true },
  );
  element.addEventListener('touchmove', markUser, { passive: true });
  // The scrollbar belongs to the panel itself; a press on a line (selecting text) or on « suivre » is not a scroll.
  element.addEventListener('pointerdown', (event) => {
    if (event.target !== element) return;
    pointerHeld = true;
    const release = (): void => {
      pointerHeld = false;
      markUser();
    };
    window.addEventListener('pointerup', release, { once: true });
  });
  follow.addEventListener('click', () => {
    setFollowing(true);
    scrollToEnd();
  });

  return {
    element,
    invalidate(fromLine) {
      if (fromLine < dirtyFrom) dirtyFrom = fromLine;
    },
    render: draw,
  };

  /** Waits for a calm frame, then draws (which adds older lines). */
  function backfill(): void {
    backfillAsked = false;
    if (!backfilling) return;
    if (performance.now() - lastAppendAt < CALM_MS) {
      backfillAsked = true;
      requestAnimationFrame(backfill);
      return;
    }
    draw();
  }

  function draw(): void {
    if (!visible || (dirtyFrom === Number.POSITIVE_INFINITY && !backfilling)) return;
    // Read before this frame changes anything: the layout is still clean, so this costs nothing.
    const rowHeight = (body.firstElementChild as HTMLElement | null)?.offsetHeight || 16;
    const frameLines = Math.min(FRAME_LINES_MAX, Math.max(FRAME_LINES_MIN, Math.ceil(element.clientHeight / rowHeight) + FRAME_LINES_SPARE));
    const current = screen();
    const { lines, droppedLines, styles } = current;
    let count = lines.length;
    while (count > 0 && (lines[count - 1]?.length ?? 0) === 0) count -= 1;
    const end = droppedLines + count;
    const want = Math.max(droppedLines, end - DOM_MAX_LINES);
    const nodes = body.children;
    const lineHtml = (abs: number): string => renderLineHtml(lines[abs - droppedLines]!, styles);
    // One parse for all the new lines (one innerHTML per line cost up to 33 ms a frame in a flood).
    const linesHtml = (from: number, to: number): string => {
      let html = '';
      for (let abs = from; abs < to; abs++) html += `<div class="demystify-term__line">${lineHtml(abs)}</div>`;
      return html;
    };
    // Start over at the end when the window jumped past what is drawn (a flood), when lines above
    // it changed (a reset), or when more lines arrived than one frame draws: the newest lines first.
    if (want >= firstLine + nodes.length || dirtyFrom < firstLine || firstLine > end || end - (firstLine + nodes.length) > frameLines) {
      body.replaceChildren();
      firstLine = Math.max(want, end - frameLines);
    } else {
      for (let n = want - firstLine; n > 0; n--) body.firstElementChild?.remove();
      firstLine = Math.max(firstLine, want);
    }
    while (firstLine + nodes.length > end) body.lastElementChild?.remove();
    for (let abs = Math.max(dirtyFrom, firstLine); abs < firstLine + nodes.length; abs++) (nodes[abs - firstLine] as HTMLElement).innerHTML = lineHtml(abs);
    const appended = end - (firstLine + nodes.length);
    const now = performance.now();
    if (appended > 0) {
      body.insertAdjacentHTML('beforeend', linesHtml(firstLine + nodes.length, end));
      lastAppendAt = now;
    }
    // Older lines come back a frame at a time once the output has calmed down.
    if (firstLine > want && now - lastAppendAt >= CALM_MS) {
      const from = Math.max(want, firstLine - frameLines);
      body.insertAdjacentHTML('afterbegin', linesHtml(from, firstLine));
      firstLine = from;
    }
    backfilling = firstLine > want;
    notice.hidden = firstLine === 0;
    notice.textContent = LABELS.hiddenLines(firstLine);
    element.classList.toggle('demystify-term--empty', end === 0);
    dirtyFrom = Number.POSITIVE_INFINITY;
    if (following) scrollToEnd();
    if (backfilling && !backfillAsked) {
      backfillAsked = true;
      requestAnimationFrame(backfill);
    }
  }
}
