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
};

/** The page's address, title, size and scroll position. */
export function readPageState(): PageState {
  const root = document.documentElement;
  return {
    url: location.href,
    title: document.title,
    pageHeight: Math.max(root.scrollHeight, document.body?.scrollHeight ?? 0),
    viewportWidth: window.innerWidth,
    viewportHeight: window.innerHeight,
    scrollX: window.scrollX,
    scrollY: window.scrollY,
    devicePixelRatio: window.devicePixelRatio || 1,
  };
}

/** Scrolls at once to `y` and resolves, with where it got, once the page has painted there. */
export function scrollPageTo(x: number, y: number): Promise<number> {
  window.scrollTo({ left: x, top: y, behavior: 'instant' });
  return new Promise((resolve) => {
    const done = () => resolve(window.scrollY);
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

/** Shows the hidden elements again and scrolls back to where the analyst was. */
export function restorePageLook(x: number, y: number): void {
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('[data-webtagger-hidden]'))) {
    const [value = '', priority = ''] = (el.getAttribute('data-webtagger-hidden') ?? '').split('|');
    el.removeAttribute('data-webtagger-hidden');
    if (value) el.style.setProperty('visibility', value, priority);
    else el.style.removeProperty('visibility');
  }
  window.scrollTo({ left: x, top: y, behavior: 'instant' });
}
