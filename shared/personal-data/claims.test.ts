import { describe, expect, it } from 'vitest';
import { createClaims, NO_CLAIMS } from './claims';

describe('createClaims', () => {
  it('tells overlapping from covered spans once a span is claimed', () => {
    const claims = createClaims(20);
    claims.claim(5, 10);
    expect(claims.overlaps(0, 5)).toBe(false);
    expect(claims.overlaps(9, 12)).toBe(true);
    expect(claims.covers(6, 9)).toBe(true);
    expect(claims.covers(4, 9)).toBe(false);
    expect(claims.overlaps(10, 20)).toBe(false);
  });

  it('holds nothing when used alone', () => {
    expect(NO_CLAIMS.overlaps(0, 100)).toBe(false);
    expect(NO_CLAIMS.covers(0, 1)).toBe(false);
  });
});
