import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { UI_LOCALES, type UiLocale } from '#shared/labels';
import { setSiteCookie } from '../features/web-session/session-cookie';
import { stringsFor } from './i18n';
import type { SiteEnv } from './site-env';

const LANG_COOKIE = 'wt_lang';
const ONE_YEAR = 365 * 86_400;
const DEFAULT_LANG: UiLocale = 'ru';

const asLocale = (value: string | undefined): UiLocale | undefined =>
  UI_LOCALES.find((locale) => locale === value?.trim().toLowerCase());

/** The first language of an Accept-Language header (by quality) that the site speaks. */
export function preferredLanguage(header: string | undefined): UiLocale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), order };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  for (const { tag } of ranked) {
    const locale = asLocale(tag.split('-')[0]);
    if (locale) return locale;
  }
  return undefined;
}

/** Picks the page language: `?lang=` (remembered in a cookie), then the cookie, then the browser's. */
export function pickLanguage() {
  return createMiddleware<SiteEnv>(async (c, next) => {
    const asked = asLocale(c.req.query('lang'));
    if (asked) setSiteCookie(c, LANG_COOKIE, asked, ONE_YEAR);
    const lang =
      asked ??
      asLocale(getCookie(c, LANG_COOKIE)) ??
      preferredLanguage(c.req.header('accept-language')) ??
      DEFAULT_LANG;
    c.set('lang', lang);
    c.set('t', stringsFor(lang));
    await next();
  });
}
