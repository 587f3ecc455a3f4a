import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/** The site's sign-in session: a random bearer token, never readable by page scripts. */
export const SESSION_COOKIE = 'wt_session';
/** A random secret that binds the forms an anonymous visitor is shown (sign-in, registration). */
export const VISITOR_COOKIE = 'wt_visitor';

/**
 * Whether the visitor reached us over HTTPS: directly, or through a proxy that says so. Trusting
 * the proxy's header is safe here because it can only make the cookie stricter (Secure).
 */
export function isHttps(c: Context): boolean {
  return (
    new URL(c.req.url).protocol === 'https:' ||
    c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https'
  );
}

/** Sets a site cookie: httpOnly, SameSite=Strict, whole site, Secure when served over HTTPS. */
export function setSiteCookie(
  c: Context,
  name: string,
  value: string,
  maxAgeSeconds?: number,
): void {
  setCookie(c, name, value, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c),
    path: '/',
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  });
}

/** Removes a site cookie. */
export function clearSiteCookie(c: Context, name: string): void {
  deleteCookie(c, name, { path: '/', secure: isHttps(c), httpOnly: true, sameSite: 'Strict' });
}

/** A cookie's value when it has the shape of one of our random tokens. */
export function tokenCookie(c: Context, name: string): string | undefined {
  const value = getCookie(c, name);
  return value && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
}
