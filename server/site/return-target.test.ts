import { describe, expect, it } from 'vitest';
import { returnTarget, returnTargetFromReferer } from './return-target';

// Targets that browsers read as another host once the path is normalized.
const OFF_SITE = [
  '//evil.example/x',
  '/\\evil.example',
  '/.//evil.example',
  '/..//evil.example',
  '/%2e//evil.example',
  '/%2E%2E//evil.example',
  '/./\\evil.example',
  '/.\\/evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  'https://evil.example/',
  'javascript:alert(1)',
];

describe('returnTarget', () => {
  it.each(OFF_SITE)('sends %j home rather than to another host', (target) => {
    const path = returnTarget(target);
    expect(path).toBe('/');
  });

  it('keeps a path on this site with its query, normalized', () => {
    expect(returnTarget('/review?status=submitted')).toBe('/review?status=submitted');
    expect(returnTarget('/review/./materials/../x?a=1#frag')).toBe('/review/x?a=1');
    expect(returnTarget(undefined)).toBe('/');
  });

  it('always answers a path that resolves to the same origin as the page it is sent from', () => {
    const site = 'https://webtagger.example.kz';
    for (const target of [...OFF_SITE, '/a//b', '/%5C%5Cevil.example', '/a/../../..//x']) {
      expect(new URL(returnTarget(target), site).origin).toBe(site);
    }
  });
});

describe('returnTargetFromReferer', () => {
  const site = 'http://localhost/review/x/decision';
  it('goes back to the page of this site the form was on', () => {
    expect(returnTargetFromReferer('http://localhost/review?x=1', site)).toBe('/review?x=1');
  });

  it.each([
    'http://localhost/.//evil.example',
    'http://localhost/%2e//evil.example',
    'http://localhost/..//evil.example',
    'https://evil.example/admin',
    'not a url',
    undefined,
  ])('never leads off the site from the Referer %j', (referer) => {
    expect(returnTargetFromReferer(referer, site)).toBe('/');
  });
});
