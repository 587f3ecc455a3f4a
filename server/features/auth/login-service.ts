import { and, eq, gte } from 'drizzle-orm';
import type { LoginRequest, LoginResponse } from '#shared/schemas/account';
import { auditEvents, users } from '../../db/schema';
import type { AppDeps } from '../../http/env';
import { ApiError } from '../../http/errors';
import { recordAudit } from '../audit/audit-service';
import type { LoginThrottle } from './login-throttle';
import { UNMATCHABLE_HASH, verifyPassword } from './passwords';
import { issueToken } from './tokens';

/** How long a successful sign-in makes its address a known one for the account. */
const KNOWN_ADDRESS_DAYS = 30;

/** Signs a user in: throttled per account and address, every outcome audited. */
export async function logIn(
  deps: AppDeps,
  throttle: LoginThrottle,
  body: LoginRequest,
  address: string,
): Promise<LoginResponse> {
  const { db } = deps.storage;
  const now = deps.now();
  const user = db.select().from(users).where(eq(users.email, body.email)).get();
  const attempt = {
    email: body.email,
    address,
    knownAddress: !!user && hasSignedInFrom(deps, user.id, address, now),
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
    recordAudit(db, {
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
    admitted.settle(ok && user ? 'no guess' : 'wrong password');
  }
  if (!user || !ok) {
    failed('invalid_credentials');
    throw new ApiError('invalid_credentials', 'Wrong e-mail or password.');
  }
  if (user.status === 'pending') {
    failed('account_pending');
    throw new ApiError('account_pending', 'The account awaits approval.');
  }
  if (user.status !== 'active') {
    failed('account_blocked');
    throw new ApiError('account_blocked', 'The account is blocked.');
  }
  const { token, expiresAt } = issueToken(db, user.id, deps.config.tokenDays, body.deviceName, now);
  recordAudit(db, {
    action: 'auth.login_succeeded',
    at: now,
    actorUserId: user.id,
    subjectType: 'user',
    subjectId: user.id,
    ip: address,
  });
  return { token, expiresAt, user: { id: user.id, role: user.role, status: user.status } };
}

/** Whether the account signed in successfully from this address lately (per the audit log). */
function hasSignedInFrom(deps: AppDeps, userId: string, address: string, now: Date): boolean {
  if (address === 'unknown') return false;
  const since = new Date(now.getTime() - KNOWN_ADDRESS_DAYS * 86_400_000).toISOString();
  const found = deps.storage.db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.actorUserId, userId),
        eq(auditEvents.action, 'auth.login_succeeded'),
        eq(auditEvents.ip, address),
        gte(auditEvents.at, since),
      ),
    )
    .get();
  return !!found;
}
