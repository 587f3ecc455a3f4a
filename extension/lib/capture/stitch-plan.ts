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
