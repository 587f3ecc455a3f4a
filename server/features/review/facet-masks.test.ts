import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codesOfMask, FACET_CODES, FACETS, maskOf } from './facet-masks';

describe('facet masks', () => {
  it('fit every vocabulary in a 31-bit positive integer', () => {
    for (const facet of FACETS) expect(FACET_CODES[facet].length).toBeLessThanOrEqual(31);
  });

  it('give back the codes they were made of, in vocabulary order', () => {
    for (const facet of FACETS) {
      const codes = FACET_CODES[facet];
      fc.assert(
        fc.property(fc.subarray([...codes]), (subset) => {
          const mask = maskOf(facet, subset);
          expect(mask).toBeGreaterThanOrEqual(0);
          expect(codesOfMask(facet, mask)).toEqual(codes.filter((c) => subset.includes(c)));
        }),
        { numRuns: 50 },
      );
    }
  });

  it('leave out codes the vocabulary does not have, and no region at all', () => {
    expect(maskOf('topic', ['no_such_topic', null, 'gambling'])).toBe(
      maskOf('topic', ['gambling']),
    );
    expect(maskOf('region', [null])).toBe(0);
  });
});
