import { randomUUID } from 'node:crypto';
import type { Role } from '#shared/schemas/account';
import { issueToken } from '../features/auth/tokens';
import { currentPolicy, ensureInitialPolicy } from '../features/consent/policy-store';
import type { Storage } from '../storage';

export type SeededAccount = { id: string; email: string; token: string };

/**
 * Adds active accounts (analysts unless `role` says otherwise) with consent to the current policy
 * and a live token each, through the storage interface of either engine, for tests and benchmarks
 * that then start the real server on the same data.
 */
export async function seedAccounts(
  storage: Pick<Storage, 'accounts' | 'consent' | 'sessions'>,
  count: number,
  now = new Date(),
  role: Role = 'analyst',
): Promise<SeededAccount[]> {
  await ensureInitialPolicy(storage, now);
  const policy = await currentPolicy(storage);
  if (!policy) throw new Error('no policy to consent to');
  const at = now.toISOString();
  const seeded: SeededAccount[] = [];
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    const email = `${role}-${i}-${id.slice(0, 8)}@webtagger.test`;
    await storage.accounts.register(email, () => ({
      user: {
        id,
        email,
        fullName: 'Seeded Account',
        organization: 'Seed Agency',
        position: 'Analyst',
        phone: null,
        passwordHash: 'no-password',
        role,
        status: 'active',
        createdAt: at,
        updatedAt: at,
      },
      documents: [],
      consent: {
        userId: id,
        action: 'given',
        policyVersion: policy.version,
        processing: true,
        thirdPartyTransfer: false,
        at,
        method: 'seed',
        ip: null,
        userAgent: null,
      },
      audit: [],
    }));
    const { token } = await benchToken(storage, id, now);
    seeded.push({ id, email, token });
  }
  return seeded;
}

/** A live token for an account already in the database, issued as a sign-in would. */
export function benchToken(storage: Pick<Storage, 'sessions'>, userId: string, now = new Date()) {
  return issueToken(
    storage,
    { userId, ttlDays: 1, deviceName: 'seed', now },
    { action: 'auth.token_issued', at: now, actorUserId: userId, details: { via: 'seed' } },
  );
}
