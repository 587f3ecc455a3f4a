/** @jsxImportSource hono/jsx */
import { Hono } from 'hono';
import { z } from 'zod';
import { emailSchema } from '#shared/schemas/account';
import { clientAddress } from '../../features/auth/client-address';
import type { LoginThrottle } from '../../features/auth/login-throttle';
import { requireSiteRole } from '../../features/web-session/middleware';
import {
  clearSiteCookie,
  SESSION_COOKIE,
  setSiteCookie,
} from '../../features/web-session/session-cookie';
import { signInToSite, signOutOfSite } from '../../features/web-session/site-session';
import type { AppDeps } from '../../http/env';
import { ApiError } from '../../http/errors';
import { formValues, parseForm } from '../form-values';
import { renderPage } from '../render';
import { returnTarget } from '../return-target';
import type { SiteEnv } from '../site-env';
import { viewOf } from '../view';
import { SignInPage } from './sign-in-page';

const signInFormSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
});

/** Sign-in and sign-out of the site; `throttle` is the limiter the API's sign-in shares. */
export function signInRoutes(deps: AppDeps, throttle: LoginThrottle) {
  return new Hono<SiteEnv>()
    .get('/sign-in', (c) => {
      const next = returnTarget(c.req.query('next'));
      if (c.get('viewer')) return c.redirect(next, 303);
      return renderPage(c, <SignInPage view={viewOf(c)} next={next} />);
    })
    .post('/sign-in', async (c) => {
      const raw = await formValues(c);
      const next = returnTarget(raw.next);
      const t = c.get('t');
      const again = (status: 400 | 401 | 403 | 429, failure?: string, errors = {}) =>
        renderPage(
          c,
          <SignInPage
            view={viewOf(c)}
            next={next}
            email={raw.email}
            errors={errors}
            failure={failure}
          />,
          status,
        );
      const form = parseForm(signInFormSchema, raw, t);
      if (form.errors) return again(400, undefined, form.errors);
      try {
        const session = await signInToSite(
          deps,
          throttle,
          form.data,
          clientAddress(c),
          c.get('sessionToken'),
        );
        setSiteCookie(c, SESSION_COOKIE, session.token);
        return c.redirect(next, 303);
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        switch (err.code) {
          case 'invalid_credentials':
            return again(401, t.signIn.invalidCredentials);
          case 'account_pending':
            return again(403, t.signIn.accountPending);
          case 'account_blocked':
            return again(403, t.signIn.accountBlocked);
          case 'too_many_requests': {
            const { retryAfterSeconds } = err.details as { retryAfterSeconds: number };
            c.header('Retry-After', String(retryAfterSeconds));
            return again(429, t.signIn.tooMany(Math.ceil(retryAfterSeconds / 60)));
          }
          default:
            throw err;
        }
      }
    })
    .post('/sign-out', requireSiteRole(), async (c) => {
      const token = c.get('sessionToken');
      const viewer = c.get('viewer');
      if (token && viewer) {
        await signOutOfSite(
          deps.storage,
          { token, userId: viewer.id },
          deps.now(),
          clientAddress(c),
        );
      }
      clearSiteCookie(c, SESSION_COOKIE);
      return c.redirect('/', 303);
    });
}
