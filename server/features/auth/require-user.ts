import { createMiddleware } from 'hono/factory';
import type { Role } from '#shared/schemas/account';
import type { AppDeps, AppEnv } from '../../http/env';
import { ApiError } from '../../http/errors';
import { userForToken } from './tokens';

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,100})$/;

/** Requires a live bearer token of an active account; puts the user on the context. */
export function requireUser(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const match = BEARER.exec(c.req.header('authorization') ?? '');
    if (!match?.[1]) throw new ApiError('unauthorized', 'Sign in first.');
    const found = await userForToken(deps.storage, match[1], deps.now());
    if (!found) throw new ApiError('unauthorized', 'The session has expired or was revoked.');
    if (found.user.status === 'blocked')
      throw new ApiError('account_blocked', 'The account is blocked.');
    if (found.user.status !== 'active')
      throw new ApiError('account_pending', 'The account is not active.');
    c.set('user', found.user);
    c.set('token', match[1]);
    await next();
  });
}

/** Requires one of the given roles (after requireUser). */
export function requireRole(...roles: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!roles.includes(c.get('user').role)) {
      throw new ApiError('forbidden', 'This needs another role.');
    }
    await next();
  });
}
