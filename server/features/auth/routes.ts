import { Hono } from 'hono';
import { loginRequestSchema } from '#shared/schemas/account';
import type { AppDeps, AppEnv } from '../../http/env';
import { ApiError } from '../../http/errors';
import { parseJson } from '../../http/validate';
import { clientAddress } from './client-address';
import { logIn, logOut } from './login-service';
import type { LoginThrottle } from './login-throttle';
import { requireUser } from './require-user';
import './api-docs';

/** Sign-in and sign-out with bearer tokens; `throttle` is the limiter the site's sign-in shares. */
export function authRoutes(deps: AppDeps, throttle: LoginThrottle) {
  // Neither needs consent to the current policy: signing in is how one gets to accept it, and
  // signing out only ends a session, which no one should be kept from.
  return new Hono<AppEnv>()
    .post('/login', async (c) => {
      const body = await parseJson(c, loginRequestSchema);
      try {
        return c.json(await logIn(deps, throttle, body, clientAddress(c)));
      } catch (err) {
        if (err instanceof ApiError && err.code === 'too_many_requests') {
          const { retryAfterSeconds } = err.details as { retryAfterSeconds: number };
          c.header('Retry-After', String(retryAfterSeconds));
        }
        throw err;
      }
    })
    .post('/logout', requireUser(deps), async (c) => {
      const session = { token: c.get('token'), userId: c.get('user').id };
      await logOut(deps.storage, session, deps.now(), clientAddress(c));
      return c.body(null, 204);
    });
}
