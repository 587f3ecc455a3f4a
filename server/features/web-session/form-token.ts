import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { setSiteCookie, tokenCookie, VISITOR_COOKIE } from './session-cookie';

/** The hidden field every state-changing form of the site carries. */
export const FORM_TOKEN_FIELD = '_csrf';

/**
 * The synchronizer token of a secret: the session token for a signed-in user, the visitor cookie
 * otherwise. Another site can neither read the cookie nor compute the token from anything else.
 */
function formTokenOf(secret: string): string {
  return createHash('sha256').update(`webtagger-form\n${secret}`).digest('base64url');
}

/**
 * The form token to put in the pages shown to this request. An anonymous visitor is given a
 * visitor cookie the first time, so that the sign-in and registration forms are bound too.
 */
export function formTokenFor(c: Context, sessionToken: string | undefined): string {
  if (sessionToken) return formTokenOf(sessionToken);
  let visitor = tokenCookie(c, VISITOR_COOKIE);
  if (!visitor) {
    visitor = randomBytes(32).toString('base64url');
    setSiteCookie(c, VISITOR_COOKIE, visitor);
  }
  return formTokenOf(visitor);
}

/** Whether a submitted form token is the one this session (or visitor) was given. */
export function isValidFormToken(
  c: Context,
  sessionToken: string | undefined,
  submitted: unknown,
): boolean {
  const secret = sessionToken ?? tokenCookie(c, VISITOR_COOKIE);
  if (!secret || typeof submitted !== 'string') return false;
  const expected = Buffer.from(formTokenOf(secret));
  const actual = Buffer.from(submitted);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
