import { randomUUID } from 'node:crypto';
import type { AccountStatus, Role } from '#shared/schemas/account';
import { consents, users } from '../db/schema';
import { currentPolicyRow } from '../storage/sqlite/consent-store';
import type { createTestApp } from './test-app';
import { insertTestToken } from './tokens';

type TestAppHandle = Awaited<ReturnType<typeof createTestApp>>;

export type TestUser = {
  id: string;
  email: string;
  token: string;
  /** The Authorization header of the user's token. */
  auth: { authorization: string };
};

/**
 * Inserts a user straight into the database (no registration flow) and signs them in.
 * `consent: true` records consent to the current policy version.
 */
export function createUser(
  testApp: TestAppHandle,
  options: {
    role?: Role;
    status?: AccountStatus;
    consent?: boolean;
    email?: string;
    fullName?: string;
  } = {},
): TestUser {
  const { db } = testApp.storage;
  const now = testApp.deps.now();
  const at = now.toISOString();
  const id = randomUUID();
  const email = options.email ?? `user-${id}@webtagger.test`;
  db.insert(users)
    .values({
      id,
      email,
      fullName: options.fullName ?? 'Test User',
      organization: 'Test Agency',
      position: 'Analyst',
      passwordHash: 'not-a-password-hash',
      role: options.role ?? 'analyst',
      status: options.status ?? 'active',
      createdAt: at,
      updatedAt: at,
    })
    .run();
  if (options.consent ?? true) giveConsent(testApp, id);
  const { token } = insertTestToken(db, id, testApp.deps.config.tokenDays, 'test', now);
  return { id, email, token, auth: { authorization: `Bearer ${token}` } };
}

/** Records the user's consent to the current policy version. */
export function giveConsent(testApp: TestAppHandle, userId: string): void {
  const { db } = testApp.storage;
  const policy = currentPolicyRow(db);
  if (!policy) throw new Error('the test app has no policy');
  db.insert(consents)
    .values({
      userId,
      action: 'given',
      policyVersion: policy.version,
      processing: true,
      thirdPartyTransfer: false,
      at: testApp.deps.now().toISOString(),
      method: 'test',
    })
    .run();
}
