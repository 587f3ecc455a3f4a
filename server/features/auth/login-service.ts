import type { LoginRequest, LoginResponse } from '#shared/schemas/account';
import type { AppDeps } from '../../http/env';
import { ApiError } from '../../http/errors';
import type { Storage } from '../../storage';
import type { AuditDetails } from '../../storage/audit-store';
import type { LoginThrottle } from './login-throttle';
import { UNMATCHABLE_HASH, verifyPassword } from './passwords';
import { issueToken, revokeToken } from './tokens';

/** How long a successful sign-in makes its address a known one for the account. */
const KNOWN_ADDRESS_DAYS = 30;

/** Signs a user in: throttled per account and address, every outcome audited. */
export async function logIn(
  deps: AppDeps,
  throttle: LoginThrottle,
  body: LoginRequest,
  address: string,
): Promise<LoginResponse> {
  const { storage } = deps;
  const now = deps.now();
  const user = await storage.accounts.findByEmail(body.email);
  const attempt = {
    email: body.email,
    address,
    knownAddress: !!user && (await hasSignedInFrom(storage, user.id, address, now)),
  };
  const admitted = await throttle.admit(attempt, deps.now);
  if ('retryAfterSeconds' in admitted) {
    const wait = admitted.retryAfterSeconds;
    deps.logger.warn('sign-in throttled', { retryAfterSeconds: wait });
    throw new ApiError('too_many_requests', 'Too many failed sign-ins. Try again later.', {
      retryAfterSeconds: wait,
    });
  }
  const failed = (reason: string) =>
    storage.audit.record({
      action: 'auth.login_failed',
      at: now,
      subjectType: user ? 'user' : undefined,
      subjectId: user?.id,
      ip: address,
      details: { reason },
    });

  // Counted only once checked: a right password (whatever the account's state) is no guess.
  let ok = false;
  try {
    ok = await verifyPassword(body.password, user?.passwordHash ?? UNMATCHABLE_HASH);
  } finally {
    await admitted.settle(ok && user ? 'no guess' : 'wrong password');
  }
  if (!user || !ok) {
    await failed('invalid_credentials');
    throw new ApiError('invalid_credentials', 'Wrong e-mail or password.');
  }
  if (user.status === 'pending') {
    await failed('account_pending');
    throw new ApiError('account_pending', 'The account awaits approval.');
  }
  if (user.status !== 'active') {
    await failed('account_blocked');
    throw new ApiError('account_blocked', 'The account is blocked.');
  }
  const { token, expiresAt } = await issueToken(
    storage,
    { userId: user.id, ttlDays: deps.config.tokenDays, deviceName: body.deviceName, now },
    {
      action: 'auth.login_succeeded',
      at: now,
      actorUserId: user.id,
      subjectType: 'user',
      subjectId: user.id,
      ip: address,
    },
  );
  return { token, expiresAt, user: { id: user.id, role: user.role, status: user.status } };
}

/** Signs a session out (API or site): its token stops working, and the sign-out is audited. */
export function logOut(
  storage: Pick<Storage, 'sessions'>,
  session: { token: string; userId: string },
  at: Date,
  ip: string,
  details?: AuditDetails,
): Promise<void> {
  return revokeToken(storage, session.token, at, {
    action: 'auth.logout',
    at,
    actorUserId: session.userId,
    ip,
    details,
  });
}

/** Whether the account signed in successfully from this address lately (per the audit log). */
function hasSignedInFrom(
  storage: Pick<Storage, 'sessions'>,
  userId: string,
  address: string,
  now: Date,
): Promise<boolean> {
  if (address === 'unknown') return Promise.resolve(false);
  const since = new Date(now.getTime() - KNOWN_ADDRESS_DAYS * 86_400_000).toISOString();
  return storage.sessions.signedInFrom(userId, address, since);
}
