import type { ScrollBox } from './stitch-plan';

/**
 * Functions run inside the captured page through `scripting.executeScript`: each is serialized on
 * its own, so none may refer to anything outside its body.
 */

export type PageState = {
  url: string;
  title: string;
  pageHeight: number;
  viewportWidth: number;
  viewportHeight: number;
  scrollX: number;
  scrollY: number;
  devicePixelRatio: number;
  /**
   * When the document does not scroll but an element inside it does (marked
   * `data-webtagger-scroller` until `restorePageLook`): its box, scrollable height and position.
   */
  scroller?: ScrollBox & { scrollTop: number };
};

/**
 * The page's address, title, size and scroll position. A page whose document fits the window
 * but whose content scrolls in a box (an app's layout) is read by that box.
 */
export function readPageState(): PageState {
  // The element that scrolls and shows the most of itself, if it fills a third of the window.
  const mostShownScroller = (): HTMLElement | undefined => {
    let best: HTMLElement | undefined;
    let shown = (window.innerWidth * window.innerHeight) / 3;
    // The body too: under a root that hides its overflow, the body scrolls as a box of its own.
    const candidates = [document.body, ...document.querySelectorAll<HTMLElement>('body *')];
    for (const el of candidates) {
      if (!el || el.scrollHeight <= el.clientHeight + 1) continue;
      if (!/^(auto|scroll|overlay)$/.test(getComputedStyle(el).overflowY)) continue;
      const box = el.getBoundingClientRect();
      const width = Math.min(box.right, window.innerWidth) - Math.max(box.left, 0);
      const height = Math.min(box.bottom, window.innerHeight) - Math.max(box.top, 0);
      if (width > 0 && height > 0 && width * height > shown) {
        best = el;
        shown = width * height;
      }
    }
    return best;
  };
  const root = document.documentElement;
  const pageHeight = Math.max(root.scrollHeight, document.body?.scrollHeight ?? 0);
  // A mark an interrupted capture left behind would be scrolled instead of the box found now.
  for (const el of Array.from(document.querySelectorAll('[data-webtagger-scroller]'))) {
    el.removeAttribute('data-webtagger-scroller');
  }
  // Whether the window itself scrolls: the scrolling element (the root, or the body of a page in
  // quirks mode) reaches past it.
  const windowScrolls = (document.scrollingElement ?? root).scrollHeight > window.innerHeight + 1;
  const box = windowScrolls ? undefined : mostShownScroller();
  let scroller: PageState['scroller'];
  if (box) {
    box.setAttribute('data-webtagger-scroller', '');
    const rect = box.getBoundingClientRect();
    // The content box without the borders, where the scrolled content shows.
    const top = Math.max(0, rect.top + box.clientTop);
    const left = Math.max(0, rect.left + box.clientLeft);
    scroller = {
      left,
      top,
      width: Math.min(box.clientWidth, window.innerWidth - left),
      height: Math.min(box.clientHeight, window.innerHeight - top),
      scrollHeight: box.scrollHeight,
      scrollTop: box.scrollTop,
    };
  }
  return {
    url: location.href,
    title: document.title,
    pageHeight,
    viewportWidth: window.innerWidth,
    viewportHeight: window.innerHeight,
    scrollX: window.scrollX,
    scrollY: window.scrollY,
    devicePixelRatio: window.devicePixelRatio || 1,
    ...(scroller ? { scroller } : {}),
  };
}

/**
 * Scrolls at once to `y` (the box readPageState marked, or else the window) and resolves, with
 * where it got, once the page has painted there.
 */
export function scrollPageTo(x: number, y: number): Promise<number> {
  const box = document.querySelector<HTMLElement>('[data-webtagger-scroller]');
  if (box) box.scrollTo({ top: y, behavior: 'instant' });
  else window.scrollTo({ left: x, top: y, behavior: 'instant' });
  return new Promise((resolve) => {
    const done = () => resolve(box ? box.scrollTop : window.scrollY);
    // Two frames: the scroll is laid out and painted. A page in the background paints no frames.
    const timer = setTimeout(done, 150);
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        clearTimeout(timer);
        done();
      }),
    );
  });
}

/**
 * Hides fixed and sticky elements (headers, cookie banners), which would otherwise repeat on every
 * screen of a stitched screenshot; each remembers its own visibility for `restorePageLook`.
 */
export function hideFixedElements(): number {
  let hidden = 0;
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
    const position = getComputedStyle(el).position;
    if (position !== 'fixed' && position !== 'sticky') continue;
    const before = `${el.style.getPropertyValue('visibility')}|${el.style.getPropertyPriority('visibility')}`;
    el.setAttribute('data-webtagger-hidden', before);
    el.style.setProperty('visibility', 'hidden', 'important');
    hidden++;
  }
  return hidden;
}

/** Shows the hidden elements again and scrolls back to where the analyst was (a box to `boxTop`). */
export function restorePageLook(x: number, y: number, boxTop: number | null): void {
  for (const box of Array.from(document.querySelectorAll('[data-webtagger-scroller]'))) {
    box.removeAttribute('data-webtagger-scroller');
    if (boxTop !== null) box.scrollTo({ top: boxTop, behavior: 'instant' });
  }
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-webtagger-hidden]'))) {
    const [value = '', priority = ''] = (el.getAttribute('data-webtagger-hidden') ?? '').split('|');
    el.removeAttribute('data-webtagger-hidden');
    if (value) el.style.setProperty('visibility', value, priority);
    else el.style.removeProperty('visibility');
  }
  window.scrollTo({ left: x, top: y, behavior: 'instant' });
}
