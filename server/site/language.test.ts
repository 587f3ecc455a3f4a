import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/test-app';
import { en } from './i18n/en';
import { kk } from './i18n/kk';
import { ru } from './i18n/ru';
import { preferredLanguage } from './language';
import { siteClient } from './testing/site-client';

describe('preferredLanguage', () => {
  it('takes the best-rated language the site speaks from Accept-Language', () => {
    expect(preferredLanguage('kk-KZ,kk;q=0.9,ru;q=0.8')).toBe('kk');
    expect(preferredLanguage('de-DE, en;q=0.5, ru;q=0.7')).toBe('ru');
    expect(preferredLanguage('en-US,en;q=0.9')).toBe('en');
    expect(preferredLanguage('ru;q=0, en;q=0.1')).toBe('en');
    expect(preferredLanguage('fr, de')).toBeUndefined();
    expect(preferredLanguage(undefined)).toBeUndefined();
  });
});

describe('the page language', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.dispose());

  it("follows the browser's language, and Russian when it speaks none of ours", async () => {
    const kazakh = await siteClient(t).get('/', { 'accept-language': 'kk-KZ,ru;q=0.5' });
    expect(kazakh.html).toContain('<html lang="kk">');
    expect(kazakh.html).toContain(kk.home.title);
    const french = await siteClient(t).get('/', { 'accept-language': 'fr' });
    expect(french.html).toContain('<html lang="ru">');
    expect(french.html).toContain(ru.home.title);
  });

  it('switches with ?lang= and remembers the choice in a cookie', async () => {
    const client = siteClient(t);
    const switched = await client.get('/policy?lang=en', { 'accept-language': 'kk' });
    expect(switched.html).toContain('<html lang="en">');
    const cookie = switched.headers.getSetCookie().find((c) => c.startsWith('wt_lang='));
    expect(cookie).toMatch(/^wt_lang=en; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Strict$/);
    const later = await client.get('/register', { 'accept-language': 'kk' });
    expect(later.html).toContain(en.register.intro);
    // The switch links keep the page and its query.
    const queue = await client.get('/policy/1?lang=ru');
    expect(queue.html).toContain('href="/policy/1?lang=kk"');
  });

  it('has every string in each language, none left untranslated by mistake', () => {
    const leaves = (o: object): string[] =>
      Object.values(o).flatMap((v) =>
        typeof v === 'string' ? [v] : typeof v === 'function' ? [String(v(7, 7, 7, 7))] : leaves(v),
      );
    const same = (a: object, b: object) =>
      leaves(a).filter((s, i) => s === leaves(b)[i] && /[a-z]{4,}/i.test(s) && s !== 'WebTagger');
    expect(leaves(ru)).toHaveLength(leaves(en).length);
    expect(leaves(kk)).toHaveLength(leaves(en).length);
    expect(same(ru, en)).toEqual([]);
    expect(same(kk, en)).toEqual([]);
  });
});
