import { describe, expect, it } from 'vitest';
import {
  CAPTURE_PACE_MS,
  MAX_OUTPUT_HEIGHT,
  MAX_OUTPUT_PIXELS,
  outputScale,
  paceDelay,
  stitchLayout,
  stitchPlan,
} from './stitch-plan';

describe('stitchPlan', () => {
  it('covers a page one viewport apart, the last screen flush with its end', () => {
    const plan = stitchPlan({ pageHeight: 2500, viewportWidth: 1000, viewportHeight: 800 });
    expect(plan).toEqual({ offsets: [0, 800, 1600, 1700], coveredHeight: 2500, complete: true });
  });

  it('takes one screen of a page no taller than the viewport', () => {
    expect(stitchPlan({ pageHeight: 600, viewportWidth: 1000, viewportHeight: 800 })).toEqual({
      offsets: [0],
      coveredHeight: 800,
      complete: true,
    });
  });

  it('stops at the screen limit of an endless page and says the page is not covered whole', () => {
    const plan = stitchPlan({ pageHeight: 100_000, viewportWidth: 1000, viewportHeight: 1000 }, 5);
    expect(plan).toEqual({
      offsets: [0, 1000, 2000, 3000, 4000],
      coveredHeight: 5000,
      complete: false,
    });
  });
});

describe('stitchLayout', () => {
  it('draws whole screens one under another when the document scrolls', () => {
    const layout = stitchLayout({ pageHeight: 2500, viewportWidth: 1000, viewportHeight: 800 });
    expect(layout).toMatchObject({
      offsets: [0, 800, 1600, 1700],
      width: 1000,
      height: 2500,
      complete: true,
      first: { x: 0, y: 0, width: 1000, height: 800 },
      scrolling: { x: 0, y: 0, width: 1000, height: 800 },
    });
    expect(layout.below.height).toBe(0);
  });

  it('unrolls a box that scrolls inside a page that does not, between what is above and below it', () => {
    // A 100 px header, the content scrolling in a 900 × 600 box beside a 100 px menu, a 100 px footer.
    const layout = stitchLayout({
      pageHeight: 800,
      viewportWidth: 1000,
      viewportHeight: 800,
      scroller: { left: 100, top: 100, width: 900, height: 600, scrollHeight: 3000 },
    });
    expect(layout).toMatchObject({
      offsets: [0, 600, 1200, 1800, 2400],
      coveredHeight: 3000,
      complete: true,
      width: 1000,
      height: 100 + 3000 + 100,
      // The footer is drawn once, under the content, not where the first screen had it.
      first: { x: 0, y: 0, width: 1000, height: 700 },
      scrolling: { x: 100, y: 100, width: 900, height: 600 },
      below: { x: 0, y: 700, width: 1000, height: 100 },
    });
  });

  it('caps the screens of an endless box as of an endless page', () => {
    const layout = stitchLayout(
      {
        pageHeight: 800,
        viewportWidth: 1000,
        viewportHeight: 800,
        scroller: { left: 0, top: 50, width: 1000, height: 750, scrollHeight: 100_000 },
      },
      3,
    );
    expect(layout).toMatchObject({ offsets: [0, 750, 1500], complete: false, height: 50 + 2250 });
    expect(layout.below.height).toBe(0);
  });
});

describe('outputScale', () => {
  it('keeps an ordinary page at full size', () => {
    expect(outputScale(1280, 8000)).toBe(1);
  });

  it('shrinks a very long page to the height cap', () => {
    const scale = outputScale(1000, MAX_OUTPUT_HEIGHT * 2);
    expect(scale).toBeCloseTo(0.5);
  });

  it('shrinks a wide and long page to the pixel cap', () => {
    const scale = outputScale(4000, 16_000);
    expect(4000 * scale * 16_000 * scale).toBeLessThanOrEqual(MAX_OUTPUT_PIXELS + 1);
    expect(scale).toBeLessThan(1);
  });
});

describe('paceDelay', () => {
  it('keeps screen captures within two a second', () => {
    expect(paceDelay(undefined, 1000)).toBe(0);
    expect(paceDelay(1000, 1200)).toBe(CAPTURE_PACE_MS - 200);
    expect(paceDelay(1000, 1000 + CAPTURE_PACE_MS + 1)).toBe(0);
  });
});
