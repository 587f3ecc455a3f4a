import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalUrl, InvalidUrlError, isTaggableUrl } from './url-key';

const PLATFORM_HOSTS = [
  'youtube.com',
  'm.youtube.com',
  'youtu.be',
  't.me',
  'telegram.me',
  'twitter.com',
  'mobile.twitter.com',
  'x.com',
  'instagram.com',
  'tiktok.com',
  'm.vk.com',
  'ok.ru',
  'm.facebook.com',
];
const LETTERS = [...'abczABCZәғқңөұүһіАБВЯЁҚӘсайтқаз'];
const PATH_PIECES = [
  ...'aZ09-._~!$&\'()*+,;=:@|^[]{}`"<> \\сқ😀%',
  '%41',
  '%7e',
  '%2F',
  '%2f',
  '%25',
  '%zz',
  '%D1%81',
  '%d1%81',
  '%2e',
];
const PATH_SEGMENTS = [
  's',
  'shorts',
  'embed',
  'live',
  'watch',
  'videoseries',
  '.',
  '..',
  '',
  '%2e%2E',
];
const QUERY_PIECES = [
  ...'abA=&+ é?/~#',
  '%20',
  '%2B',
  '%26',
  '%3D',
  '%',
  '%zz',
  '%7E',
  '%E2%82%AC',
  'utm_source=1',
  'si=x',
  'gclid=2',
  'v=abc',
  'list=PL',
  'single',
];

const label = fc.string({ unit: fc.constantFrom(...LETTERS), minLength: 1, maxLength: 8 });
const unicodeDomain = fc
  .array(label, { minLength: 1, maxLength: 3 })
  .chain((labels) =>
    fc.constantFrom('kz', 'com', 'қаз', 'рф').map((tld) => [...labels, tld].join('.')),
  );
const domain = fc.oneof(unicodeDomain, fc.constantFrom(...PLATFORM_HOSTS));
const host = fc
  .tuple(fc.constantFrom('', 'www.', 'WWW.', 'www.www.'), domain, fc.constantFrom('', '.'))
  .map((parts) => parts.join(''));
const segment = fc.oneof(
  fc.constantFrom(...PATH_SEGMENTS),
  fc.string({ unit: fc.constantFrom(...PATH_PIECES), maxLength: 6 }),
);
const path = fc.array(segment, { maxLength: 5 }).map((segments) => `/${segments.join('/')}`);
const query = fc.option(fc.string({ unit: fc.constantFrom(...QUERY_PIECES), maxLength: 8 }), {
  nil: undefined,
});
const fragment = fc.oneof(
  fc.constant(''),
  fc.string({ unit: fc.constantFrom(...QUERY_PIECES), maxLength: 4 }).map((f) => `#${f}`),
  fc.tuple(path, query).map(([p, q]) => `#!${p}${q === undefined ? '' : `?${q}`}`),
);
/** The part of an http(s) URL after its host. */
const rest = fc
  .tuple(fc.constantFrom('', ':80', ':443', ':8080'), path, query, fragment)
  .map(([port, p, q, f]) => `${port}${p}${q === undefined ? '' : `?${q}`}${f}`);
const oddUrl = fc
  .tuple(fc.constantFrom('http://', 'https://', 'HTTP://', 'https://user:pw@'), host, rest)
  .map((parts) => parts.join(''));
const webUrl = fc.webUrl({
  validSchemes: ['http', 'https'],
  withQueryParameters: true,
  withFragments: true,
  authoritySettings: { withIPv4: true, withIPv6: true, withPort: true, withUserInfo: true },
});

describe('canonicalUrl properties', () => {
  it('accepts every generated http(s) URL and is idempotent on it', () => {
    fc.assert(
      fc.property(fc.oneof(webUrl, oddUrl), (url) => {
        const key = canonicalUrl(url);
        expect(canonicalUrl(key)).toBe(key);
      }),
      { numRuns: 500 },
    );
  });

  it('gives a key that is an https URL in its own serialized form', () => {
    fc.assert(
      fc.property(fc.oneof(webUrl, oddUrl), (url) => {
        const key = canonicalUrl(url);
        expect(key.startsWith('https://')).toBe(true);
        expect(new URL(key).href).toBe(key);
      }),
      { numRuns: 300 },
    );
  });

  it('gives http and https, www and non-www forms the same key', () => {
    const domainWithTld = fc.oneof(unicodeDomain, fc.domain());
    fc.assert(
      fc.property(domainWithTld, rest, (name, after) => {
        const key = canonicalUrl(`https://${name}${after}`);
        expect(canonicalUrl(`http://${name}${after}`)).toBe(key);
        expect(canonicalUrl(`http://www.${name}${after}`)).toBe(key);
        expect(canonicalUrl(`https://www.${name}${after}`)).toBe(key);
      }),
      { numRuns: 300 },
    );
  });

  it('throws nothing but InvalidUrlError on arbitrary strings', () => {
    const anything = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'binary' }).map((s) => `http://${s}`),
      fc
        .string({ unit: fc.constantFrom(...PATH_PIECES, ...QUERY_PIECES, ':', '.', '[') })
        .map((s) => `https://${s}`),
    );
    fc.assert(
      fc.property(anything, (input) => {
        try {
          const key = canonicalUrl(input);
          expect(isTaggableUrl(input)).toBe(true);
          expect(canonicalUrl(key)).toBe(key);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidUrlError);
          expect(isTaggableUrl(input)).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });
});
