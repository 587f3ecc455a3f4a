import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './api-client';
import { RETRY_POLICY, retryDelay } from './backoff';

const unit = () => fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
/** Failures after which the exponential part still doubles below the cap. */
const belowCap = Math.floor(Math.log2(RETRY_POLICY.capMs / RETRY_POLICY.baseMs));

describe('retryDelay', () => {
  it('never shrinks from one failure to the next until the cap is reached', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: belowCap }), unit(), unit(), (n, r1, r2) => {
        expect(retryDelay(n + 1, () => r2)).toBeGreaterThanOrEqual(retryDelay(n, () => r1));
      }),
    );
  });

  it('stays between half the base delay and the cap however many failures', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), unit(), (n, r) => {
        const delay = retryDelay(n, () => r);
        expect(delay).toBeGreaterThanOrEqual(RETRY_POLICY.baseMs / 2);
        expect(delay).toBeLessThanOrEqual(RETRY_POLICY.capMs);
      }),
    );
  });

  it('waits at least what Retry-After asks, up to an hour', () => {
    expect(retryDelay(1, () => 0, 90_000)).toBe(90_000);
    expect(retryDelay(1, () => 0, 5 * 60 * 60_000)).toBe(RETRY_POLICY.maxRetryAfterMs);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-24T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Tue, 24 Nov 2026 10:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });

  it("counts an HTTP date from the server's Date, and ignores it without one", () => {
    expect(parseRetryAfter('Tue, 24 Nov 2026 10:01:00 GMT', Number.NaN)).toBeUndefined();
    expect(parseRetryAfter('30', Number.NaN)).toBe(30_000);
  });
});
