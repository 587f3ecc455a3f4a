import type { LoginRequest, LoginResponse } from '#shared/schemas/account';
import type { Db } from '../../db/open';
import type { UserRow } from '../../db/schema';
import type { AppDeps } from '../../http/env';
import { recordAudit } from '../audit/audit-service';
import { logIn } from '../auth/login-service';
import type { LoginThrottle } from '../auth/login-throttle';
import { revokeToken, userForToken } from '../auth/tokens';

/** The device name of the tokens behind site sessions, as the user's token list shows it. */
export const SITE_DEVICE = 'site';

/**
 * Signs a user in to the site: the same sign-in as the API (throttled per account and address,
 * audited), issuing a token for the site's session cookie.
 */
export function signInToSite(
  deps: AppDeps,
  throttle: LoginThrottle,
  credentials: Pick<LoginRequest, 'email' | 'password'>,
  address: string,
): Promise<LoginResponse> {
  return logIn(deps, throttle, { ...credentials, deviceName: SITE_DEVICE }, address);
}

/** Ends a site session: its token stops working, and the sign-out is audited. */
export function signOutOfSite(
  db: Db,
  session: { token: string; userId: string },
  at: Date,
  ip: string,
): void {
  revokeToken(db, session.token, at);
  recordAudit(db, {
    action: 'auth.logout',
    at,
    actorUserId: session.userId,
    ip,
    details: { device: SITE_DEVICE },
  });
}

/** The active user a session token belongs to; undefined when it is dead or the account is not active. */
export function viewerForSession(db: Db, token: string, now: Date): UserRow | undefined {
  const found = userForToken(db, token, now);
  return found?.user.status === 'active' ? found.user : undefined;
}
