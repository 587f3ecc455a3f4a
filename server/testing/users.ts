import { randomUUID } from 'node:crypto';
import type { AccountStatus, Role } from '#shared/schemas/account';
import { CURRENT_POLICY_VERSION } from './arrange';
import type { TestApp } from './test-app';
import { insertTestToken } from './tokens';

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
  testApp: TestApp,
  options: {
    role?: Role;
    status?: AccountStatus;
    consent?: boolean;
    email?: string;
    fullName?: string;
  } = {},
): TestUser {
  const now = testApp.deps.now();
  const at = now.toISOString();
  const id = randomUUID();
  const email = options.email ?? `user-${id}@webtagger.test`;
  testApp.insert('users', {
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
  });
  if (options.consent ?? true) giveConsent(testApp, id);
  const { token } = insertTestToken(testApp, id, testApp.deps.config.tokenDays, 'test', now);
  return { id, email, token, auth: { authorization: `Bearer ${token}` } };
}

/** Records the user's consent to the current policy version. */
export function giveConsent(testApp: TestApp, userId: string): void {
  testApp.insert('consents', {
    userId,
    action: 'given',
    policyVersion: CURRENT_POLICY_VERSION,
    processing: true,
    thirdPartyTransfer: false,
    at: testApp.deps.now().toISOString(),
    method: 'test',
  });
}
