import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { loginRequestSchema } from '#shared/schemas/account';
import { users } from '../../db/schema';
import type { AppDeps, AppEnv } from '../../http/env';
import { ApiError } from '../../http/errors';
import { parseJson } from '../../http/validate';
import { UNMATCHABLE_HASH, verifyPassword } from './passwords';
import { requireUser } from './require-user';
import { issueToken, revokeToken } from './tokens';

/** Sign-in and sign-out with bearer tokens. */
export function authRoutes(deps: AppDeps) {
  const { db } = deps.storage;
  return new Hono<AppEnv>()
    .post('/login', async (c) => {
      const body = await parseJson(c, loginRequestSchema);
      const user = db.select().from(users).where(eq(users.email, body.email)).get();
      const ok = await verifyPassword(body.password, user?.passwordHash ?? UNMATCHABLE_HASH);
      if (!user || !ok) throw new ApiError('invalid_credentials', 'Wrong e-mail or password.');
      if (user.status === 'pending')
        throw new ApiError('account_pending', 'The account awaits approval.');
      if (user.status !== 'active')
        throw new ApiError('account_blocked', 'The account is blocked.');
      const { token, expiresAt } = issueToken(
        db,
        user.id,
        deps.config.tokenDays,
        body.deviceName,
        deps.now(),
      );
      return c.json({
        token,
        expiresAt,
        user: { id: user.id, role: user.role, status: user.status },
      });
    })
    .post('/logout', requireUser(deps), (c) => {
      revokeToken(db, c.get('token'), deps.now());
      return c.body(null, 204);
    });
}
