import { randomUUID } from 'node:crypto';
import type { Role } from '#shared/schemas/account';
import type { Storage } from '../db/open';
import { consents, users } from '../db/schema';
import { seedPolicy } from './policies';
import { insertTestToken } from './tokens';

export type SeededAccount = { id: string; email: string; token: string };

/**
 * Adds active accounts (analysts unless `role` says otherwise) with consent to the current policy
 * and a live token each, straight into a data folder's database, for tests and benchmarks that
 * then start the real server on it.
 */
export function seedAccounts(
  storage: Storage,
  count: number,
  now = new Date(),
  role: Role = 'analyst',
): SeededAccount[] {
  const { db } = storage;
  const policy = seedPolicy(db, now);
  const at = now.toISOString();
  return Array.from({ length: count }, (_, i) => {
    const id = randomUUID();
    const email = `${role}-${i}-${id.slice(0, 8)}@webtagger.test`;
    db.insert(users)
      .values({
        id,
        email,
        fullName: 'Seeded Account',
        organization: 'Seed Agency',
        position: 'Analyst',
        passwordHash: 'no-password',
        role,
        status: 'active',
        createdAt: at,
        updatedAt: at,
      })
      .run();
    db.insert(consents)
      .values({
        userId: id,
        action: 'given',
        policyVersion: policy.version,
        processing: true,
        thirdPartyTransfer: false,
        at,
        method: 'seed',
      })
      .run();
    const { token } = insertTestToken(db, id, 30, 'seed', now);
    return { id, email, token };
  });
}
