import type { LoginRequest, LoginResponse } from '#shared/schemas/account';
import type { AppDeps } from '../../http/env';
import type { Storage } from '../../storage';
import type { UserRow } from '../../storage/accounts-store';
import { logIn, logOut } from '../auth/login-service';
import type { LoginThrottle } from '../auth/login-throttle';
import { revokeToken, userForToken } from '../auth/tokens';

/** The device name of the tokens behind site sessions, as the user's token list shows it. */
export const SITE_DEVICE = 'site';

/**
 * Signs a user in to the site: the same sign-in as the API (throttled per account and address,
 * audited), issuing a token for the site's session cookie. A session is never reused across
 * sign-ins: the one this browser had (`previous`) ends here.
 */
export async function signInToSite(
  deps: AppDeps,
  throttle: LoginThrottle,
  credentials: Pick<LoginRequest, 'email' | 'password'>,
  address: string,
  previous: string | undefined,
): Promise<LoginResponse> {
  const session = await logIn(deps, throttle, { ...credentials, deviceName: SITE_DEVICE }, address);
  if (previous) await revokeToken(deps.storage, previous, deps.now());
  return session;
}

/** Ends a site session: its token stops working, and the sign-out is audited. */
export function signOutOfSite(
  storage: Pick<Storage, 'sessions'>,
  session: { token: string; userId: string },
  at: Date,
  ip: string,
): Promise<void> {
  return logOut(storage, session, at, ip, { device: SITE_DEVICE });
}

/** The active user a session token belongs to; undefined when it is dead or the account is not active. */
export async function viewerForSession(
  storage: Pick<Storage, 'sessions'>,
  token: string,
  now: Date,
): Promise<UserRow | undefined> {
  const found = await userForToken(storage, token, now);
  return found?.user.status === 'active' ? found.user : undefined;
}
