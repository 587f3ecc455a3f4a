import { createHash } from 'node:crypto';
import type { LimitStore } from '../../storage/limits-store';
import { type FailureLog, inMemoryFailureLog, storedFailureLog } from './failure-window';

export const LOGIN_LIMITS = {
  windowMs: 15 * 60_000,
  /** Wrong passwords for one account (from addresses it has not signed in from before). */
  perAccount: 10,
  /** Wrong passwords from one address, whatever the account. */
  perAddress: 30,
} as const;

export type LoginAttempt = {
  email: string;
  address: string;
  /** The account has signed in successfully from this address before. */
  knownAddress: boolean;
};

/** An admitted attempt: its outcome must be told once the password has been checked. */
export type AdmittedAttempt = { settle(outcome: 'wrong password' | 'no guess'): Promise<void> };

/** Sign-in limiting as the login service sees it. */
export type LoginThrottle = {
  /**
   * Admits an attempt to have its password checked, or answers how many seconds it must wait.
   * May wait itself while attempts ahead of it, which could still be wrong, are being checked.
   */
  admit(
    attempt: LoginAttempt,
    now: () => Date,
  ): Promise<AdmittedAttempt | { retryAfterSeconds: number }>;
};

/** The three failure logs the limits read; in memory unless given. */
export type LoginFailureLogs = { byAccount: FailureLog; byAddress: FailureLog; byPair: FailureLog };

/**
 * Limits wrong passwords per account and per address; only a wrong password counts, and nothing
 * but time takes a failure back, so an owner signing in gives a guesser nothing. Someone guessing
 * one account's password locks it for every address the owner never used, but at an address the
 * owner signed in from before only the failures of that account there count: neither a guesser
 * elsewhere nor colleagues' typos behind the same office address lock the owner out.
 *
 * Guesses sent in parallel must not all pass before the first is counted: an attempt is admitted
 * only while the failures counted plus the attempts still being checked stay under each limit.
 * Beyond that it waits for those checks (right passwords free their place without counting) and
 * is refused only once the failures themselves reach the limit.
 */
export function createLoginThrottle(
  limits: typeof LOGIN_LIMITS = LOGIN_LIMITS,
  logs: LoginFailureLogs = inMemoryLogs(limits),
): LoginThrottle {
  const inFlight = new Map<string, number>();
  const waiting = new Set<() => void>();
  // Moves each time failures were counted: an attempt that read the logs before that reads again.
  let generation = 0;
  // Unknown and known e-mails are counted alike, so the limit does not tell which accounts exist.
  const accountKey = (email: string) => createHash('sha256').update(email).digest('base64url');

  /** The limits that apply to the attempt, and the keys its failure is counted under. */
  const limitsOf = (a: LoginAttempt) => {
    const account = { log: logs.byAccount, key: `account ${accountKey(a.email)}` };
    const address = { log: logs.byAddress, key: `address ${a.address}` };
    const pair = { log: logs.byPair, key: `pair ${accountKey(a.email)} ${a.address}` };
    const applying = a.knownAddress
      ? [{ ...pair, limit: limits.perAccount }]
      : [
          { ...account, limit: limits.perAccount },
          { ...address, limit: limits.perAddress },
        ];
    return { applying, counted: [account, address, pair] };
  };
  const adjust = (keys: { key: string }[], by: number) => {
    for (const { key } of keys) {
      const n = (inFlight.get(key) ?? 0) + by;
      if (n === 0) inFlight.delete(key);
      else inFlight.set(key, n);
    }
  };

  return {
    async admit(attempt, now) {
      const { applying, counted } = limitsOf(attempt);
      for (;;) {
        const at = now();
        const seen = generation;
        const read = await Promise.all(
          applying.map(async (l) => ({
            limit: l,
            wait: await l.log.retryAfterSeconds(l.key, at),
            count: await l.log.count(l.key, at),
          })),
        );
        // The logs are read asynchronously; judging and taking a place below is not, so parallel
        // attempts cannot all pass on counts from before each other's failures.
        if (seen !== generation) continue;
        const wait = Math.max(...read.map((r) => r.wait));
        if (wait > 0) return { retryAfterSeconds: wait };
        const full = read.some((r) => r.count + (inFlight.get(r.limit.key) ?? 0) >= r.limit.limit);
        if (!full) break;
        await new Promise<void>((resume) => waiting.add(resume));
      }
      adjust(counted, 1);
      let settled = false;
      return {
        async settle(outcome) {
          if (settled) return;
          settled = true;
          try {
            if (outcome === 'wrong password') {
              const at = now();
              await Promise.all(counted.map(({ log, key }) => log.record(key, at)));
            }
          } finally {
            generation += 1;
            adjust(counted, -1);
            const resumes = [...waiting];
            waiting.clear();
            for (const resume of resumes) resume();
          }
        },
      };
    },
  };
}

function inMemoryLogs(limits: typeof LOGIN_LIMITS): LoginFailureLogs {
  const window = { windowMs: limits.windowMs };
  return {
    byAccount: inMemoryFailureLog({ ...window, limit: limits.perAccount }),
    byAddress: inMemoryFailureLog({ ...window, limit: limits.perAddress }),
    byPair: inMemoryFailureLog({ ...window, limit: limits.perAccount }),
  };
}

/** The three failure logs kept by the storage, so every process on the database counts alike. */
export function storedLoginLogs(
  store: LimitStore,
  limits: typeof LOGIN_LIMITS = LOGIN_LIMITS,
): LoginFailureLogs {
  const window = { windowMs: limits.windowMs };
  return {
    byAccount: storedFailureLog(store, 'login-account', { ...window, limit: limits.perAccount }),
    byAddress: storedFailureLog(store, 'login-address', { ...window, limit: limits.perAddress }),
    byPair: storedFailureLog(store, 'login-pair', { ...window, limit: limits.perAccount }),
  };
}
