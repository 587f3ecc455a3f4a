import { createHash } from 'node:crypto';
import { createFailureWindow } from './failure-window';

export const LOGIN_LIMITS = {
  windowMs: 15 * 60_000,
  /** Failed sign-ins of one account (from addresses it has not signed in from before). */
  perAccount: 10,
  /** Failed sign-ins from one address, whatever the account. */
  perAddress: 30,
} as const;

export type LoginAttempt = {
  email: string;
  address: string;
  /** The account has signed in successfully from this address before. */
  knownAddress: boolean;
};

/**
 * Limits failed sign-ins per account and per address. Someone guessing one account's password
 * locks it for every address the owner never used, but the owner's own known addresses are only
 * limited by their own failures there, so an attacker cannot lock the owner out.
 */
export function createLoginThrottle(limits: typeof LOGIN_LIMITS = LOGIN_LIMITS) {
  const window = { windowMs: limits.windowMs };
  const byAddress = createFailureWindow({ ...window, limit: limits.perAddress });
  const byAccount = createFailureWindow({ ...window, limit: limits.perAccount });
  const byAccountAtAddress = createFailureWindow({ ...window, limit: limits.perAccount });
  // Unknown and known e-mails are counted alike, so the limit does not tell which accounts exist.
  const accountKey = (email: string) => createHash('sha256').update(email).digest('base64url');
  const pairKey = (a: LoginAttempt) => `${accountKey(a.email)} ${a.address}`;

  return {
    /** Seconds the attempt must wait; 0 when it may go ahead. */
    retryAfterSeconds(attempt: LoginAttempt, now: Date): number {
      const account = attempt.knownAddress
        ? byAccountAtAddress.retryAfterSeconds(pairKey(attempt), now)
        : byAccount.retryAfterSeconds(accountKey(attempt.email), now);
      return Math.max(byAddress.retryAfterSeconds(attempt.address, now), account);
    },
    /**
     * Counts the attempt as a failure before its password is checked, so that guesses sent in
     * parallel see each other at once; `recordSuccess` takes it back if the password was right.
     */
    recordAttempt(attempt: LoginAttempt, now: Date): void {
      byAddress.record(attempt.address, now);
      byAccount.record(accountKey(attempt.email), now);
      byAccountAtAddress.record(pairKey(attempt), now);
    },
    /** The password was right: the attempt was no failure, and the owner's typos here are forgiven. */
    recordSuccess(attempt: LoginAttempt, attemptedAt: Date): void {
      byAddress.retract(attempt.address, attemptedAt);
      byAccount.retract(accountKey(attempt.email), attemptedAt);
      byAccountAtAddress.clear(pairKey(attempt));
    },
  };
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
