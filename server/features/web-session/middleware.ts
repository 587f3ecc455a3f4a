import type { Context } from 'hono';
import { csrf } from 'hono/csrf';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import type { Role } from '#shared/schemas/account';
import type { AppDeps } from '../../http/env';
import { ApiError } from '../../http/errors';
import type { UserRow } from '../../storage/accounts-store';
import { FORM_TOKEN_FIELD, isValidFormToken } from './form-token';
import { clearSiteCookie, SESSION_COOKIE, tokenCookie } from './session-cookie';
import { viewerForSession } from './site-session';

/** What the session middleware puts on the context of every site request. */
export type SessionVariables = {
  /** The signed-in user, if any. */
  viewer: UserRow | undefined;
  /** The token of the session cookie, when it is live. */
  sessionToken: string | undefined;
};
type SessionEnv = { Variables: SessionVariables };

/** Reads the session cookie; a dead session is forgotten (the cookie is cleared). */
export function loadSiteSession(deps: AppDeps) {
  return createMiddleware<SessionEnv>(async (c, next) => {
    const token = tokenCookie(c, SESSION_COOKIE);
    const viewer = token ? await viewerForSession(deps.storage, token, deps.now()) : undefined;
    if (token && !viewer) clearSiteCookie(c, SESSION_COOKIE);
    c.set('viewer', viewer);
    c.set('sessionToken', viewer ? token : undefined);
    await next();
  });
}

/** Where to send an anonymous visitor: the sign-in page, coming back here afterwards. */
export function signInRedirect(c: Context): Response {
  const url = new URL(c.req.url);
  const back = c.req.method === 'GET' ? `${url.pathname}${url.search}` : '/';
  return c.redirect(`/sign-in?next=${encodeURIComponent(back)}`, 303);
}

/** Requires a signed-in user of one of the roles (any role when none is given). */
export function requireSiteRole(...roles: Role[]) {
  return createMiddleware<SessionEnv>(async (c, next) => {
    const viewer = c.get('viewer');
    if (!viewer) return signInRedirect(c);
    if (roles.length > 0 && !roles.includes(viewer.role)) {
      throw new ApiError('forbidden', 'This page needs another role.');
    }
    await next();
  });
}

// The browser's Origin must name this host; the scheme is left out so that a TLS-terminating
// proxy in front of the server does not break every form.
const sameHostOrigin = csrf({
  origin: (origin, c) => {
    try {
      return new URL(origin).host === new URL(c.req.url).host;
    } catch {
      return false;
    }
  },
});

const formRefused = () =>
  new ApiError('forbidden', 'The form is stale or came from another site.', {
    reason: 'form_token',
  });

/**
 * Protects every state-changing request of the site from cross-site forgery twice over: the
 * request must come from this site (Origin or Sec-Fetch-Site), and its form must carry the
 * synchronizer token of this session (or visitor).
 */
export function verifySiteForms() {
  return createMiddleware<SessionEnv>(async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    try {
      await sameHostOrigin(c, async () => {});
    } catch (err) {
      if (err instanceof HTTPException) throw formRefused();
      throw err;
    }
    const form = await c.req.formData().catch(() => {
      throw new ApiError('validation_failed', 'The form is malformed.');
    });
    if (!isValidFormToken(c, c.get('sessionToken'), form.get(FORM_TOKEN_FIELD))) {
      throw formRefused();
    }
    await next();
  });
}
