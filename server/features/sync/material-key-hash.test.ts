import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalUrl, urlKeyHash } from '#shared/url-key';
import { materialKeyHash } from './material-key-hash';

describe('materialKeyHash', () => {
  it('equals the shared urlKeyHash for any text, whatever its characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (key) => {
        expect(materialKeyHash(key)).toBe(urlKeyHash(key));
      }),
      { numRuns: 500 },
    );
  });

  it('equals the shared urlKeyHash for canonical keys of Cyrillic and punycode hosts', () => {
    for (const url of [
      'https://сайт.қаз/путь?q=ё',
      'https://t.me/s/casino_kz',
      'https://example.kz/',
    ]) {
      const key = canonicalUrl(url);
      expect(materialKeyHash(key)).toBe(urlKeyHash(key));
    }
  });
});
