/**
 * How a full-page screenshot is put together from screens, before any browser call: pure, so the
 * geometry is tested on its own (stitch-plan.test.ts).
 */

/** Chrome allows two `captureVisibleTab` calls a second; a little slower never hits the limit. */
export const CAPTURE_PACE_MS = 550;

/** The most screens one capture scrolls through: with the pace, about 13 s for the longest page. */
export const MAX_SCREENS = 24;

/**
 * The largest stitched image: browsers refuse canvases much past 16 k pixels a side, and a
 * screenshot this big already strains the server's 10 MiB image limit.
 */
export const MAX_OUTPUT_HEIGHT = 16_384;
export const MAX_OUTPUT_PIXELS = 40_000_000;

export type PageGeometry = {
  /** The document's scrollable height and the viewport, in CSS pixels. */
  pageHeight: number;
  viewportWidth: number;
  viewportHeight: number;
};

/**
 * An element that scrolls inside a page that does not (an app's layout: a header, and the content
 * scrolling in a box under it): its box in the viewport and its scrollable height, in CSS pixels.
 */
export type ScrollBox = {
  left: number;
  top: number;
  width: number;
  height: number;
  scrollHeight: number;
};

export type StitchPlan = {
  /** The vertical scroll offsets to capture, in CSS pixels, top first. */
  offsets: number[];
  /** The part of the page the screens cover (all of it unless it is longer than MAX_SCREENS). */
  coveredHeight: number;
  /** Whether the screens cover the whole page. */
  complete: boolean;
};

/** The screens that cover a page: one viewport apart, the last one flush with the page's end. */
export function stitchPlan(page: PageGeometry, maxScreens = MAX_SCREENS): StitchPlan {
  const viewport = Math.max(1, Math.floor(page.viewportHeight));
  const height = Math.max(viewport, Math.ceil(page.pageHeight));
  const needed = Math.ceil(height / viewport);
  const screens = Math.min(needed, maxScreens);
  const complete = screens === needed;
  const coveredHeight = complete ? height : screens * viewport;
  const offsets: number[] = [];
  for (let i = 0; i < screens; i++) {
    offsets.push(Math.min(i * viewport, coveredHeight - viewport));
  }
  return { offsets, coveredHeight, complete };
}

/** A rectangle in CSS pixels. */
export type Rect = { x: number; y: number; width: number; height: number };

export type StitchLayout = StitchPlan & {
  /** The stitched image, in CSS pixels. */
  width: number;
  height: number;
  /** The part of the first screen drawn as it is: all of it down to the scrolling part's end. */
  first: Rect;
  /**
   * The part of each screen after the first that is drawn: the scrolling part (the whole screen
   * when the document scrolls), placed at its top plus how far it was scrolled.
   */
  scrolling: Rect;
  /**
   * What lies under the scrolling box on the first screen (a footer), drawn once under the whole
   * content; empty when the document scrolls.
   */
  below: Rect;
};

/**
 * How the screens of a page make one image: the first screen whole, then, screen by screen, what
 * scrolled into view. When an element scrolls rather than the document, the image is the page
 * with that element unrolled: what is above it, all of its content, what is under it.
 */
export function stitchLayout(
  page: PageGeometry & { scroller?: ScrollBox },
  maxScreens = MAX_SCREENS,
): StitchLayout {
  const box = page.scroller ?? {
    left: 0,
    top: 0,
    width: page.viewportWidth,
    height: page.viewportHeight,
    scrollHeight: page.pageHeight,
  };
  const plan = stitchPlan(
    { pageHeight: box.scrollHeight, viewportWidth: box.width, viewportHeight: box.height },
    maxScreens,
  );
  const bottom = Math.min(page.viewportHeight, box.top + box.height);
  const below = Math.max(0, page.viewportHeight - bottom);
  return {
    ...plan,
    width: page.viewportWidth,
    height: box.top + plan.coveredHeight + below,
    first: { x: 0, y: 0, width: page.viewportWidth, height: bottom },
    scrolling: { x: box.left, y: box.top, width: box.width, height: box.height },
    below: { x: 0, y: bottom, width: page.viewportWidth, height: below },
  };
}

/**
 * The scale (≤ 1) that keeps an image of `width` × `height` device pixels within the output caps;
 * a very long page becomes narrower rather than cut.
 */
export function outputScale(
  width: number,
  height: number,
  caps = { maxHeight: MAX_OUTPUT_HEIGHT, maxPixels: MAX_OUTPUT_PIXELS },
): number {
  const byHeight = caps.maxHeight / height;
  const byPixels = Math.sqrt(caps.maxPixels / (width * height));
  return Math.min(1, byHeight, byPixels);
}

/** How long to wait before the next screen so that captures stay CAPTURE_PACE_MS apart. */
export function paceDelay(lastCaptureAt: number | undefined, now: number): number {
  if (lastCaptureAt === undefined) return 0;
  return Math.max(0, lastCaptureAt + CAPTURE_PACE_MS - now);
}
