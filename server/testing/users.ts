import { randomUUID } from 'node:crypto';
import type { AccountStatus, Role } from '#shared/schemas/account';
import * as pgSchema from '../db/pg-schema';
import { consents, tokens, users } from '../db/schema';
import { mintToken } from '../features/auth/tokens';
import { currentPolicyRow } from '../storage/sqlite/consent-store';
import type { createTestAppOnPostgres } from './pg-test-app';
import type { createTestApp } from './test-app';
import { insertTestToken } from './tokens';

type TestAppHandle = Awaited<ReturnType<typeof createTestApp>>;
type AnyTestApp = TestAppHandle | Awaited<ReturnType<typeof createTestAppOnPostgres>>;

type UserOptions = {
  role?: Role;
  status?: AccountStatus;
  consent?: boolean;
  email?: string;
  fullName?: string;
};

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
export function createUser(testApp: AnyTestApp, options: UserOptions = {}): TestUser {
  if ('pg' in testApp) throw new Error('the app signs in on PostgreSQL: await addUser instead');
  const { db } = testApp.storage;
  const now = testApp.deps.now();
  const { id, email, row } = userRow(options, now);
  db.insert(users).values(row).run();
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

/** An active analyst's row (unless the options say otherwise), created now. */
function userRow(options: UserOptions, now: Date) {
  const at = now.toISOString();
  const id = randomUUID();
  const email = options.email ?? `user-${id}@webtagger.test`;
  const row = {
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
  };
  return { id, email, row };
}

/**
 * `createUser` on the engine that holds the app's accounts: PostgreSQL's for
 * `createTestAppOnPostgres`.
 */
export async function addUser(testApp: AnyTestApp, options: UserOptions = {}): Promise<TestUser> {
  const { id, email, row } = userRow(options, testApp.deps.now());
  const token = await insertAccount(testApp, row, options.consent === false ? false : 'test');
  return { id, email, token, auth: { authorization: `Bearer ${token}` } };
}

/**
 * Inserts an account straight into the engine that holds the app's accounts, with consent to the
 * current policy given by `consentMethod` (none when false) and a live token, which it answers.
 */
export async function insertAccount(
  testApp: AnyTestApp,
  row: typeof users.$inferInsert & { id: string },
  consentMethod: string | false,
): Promise<string> {
  const now = testApp.deps.now();
  const policy = await testApp.storage.consent.currentPolicy();
  if (consentMethod && !policy) throw new Error('the test app has no policy');
  const consent = consentMethod &&
    policy && {
      userId: row.id,
      action: 'given' as const,
      policyVersion: policy.version,
      processing: true,
      thirdPartyTransfer: false,
      at: now.toISOString(),
      method: consentMethod,
    };
  const minted = mintToken(row.id, testApp.deps.config.tokenDays, 'test', now);
  const sqlite = testApp.storage.db;
  // The rows the stores still on SQLite (evidence, re-checks, notices) point at, on either app.
  sqlite.insert(users).values(row).run();
  if ('pg' in testApp) {
    const { db } = testApp.pg;
    await db.insert(pgSchema.users).values(row);
    if (consent) await db.insert(pgSchema.consents).values(consent);
    await db.insert(pgSchema.tokens).values(minted.row);
  } else {
    if (consent) sqlite.insert(consents).values(consent).run();
    sqlite.insert(tokens).values(minted.row).run();
  }
  return minted.token;
}
