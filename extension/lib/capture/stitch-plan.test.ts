import { describe, expect, it } from 'vitest';
import {
  CAPTURE_PACE_MS,
  MAX_OUTPUT_HEIGHT,
  MAX_OUTPUT_PIXELS,
  outputScale,
  paceDelay,
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
