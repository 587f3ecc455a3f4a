import { mintToken } from '../features/auth/tokens';
import type { TestApp } from './test-app';

/** Gives a test account a live bearer token at once, written straight into the database. */
export function insertTestToken(
  t: Pick<TestApp, 'insert'>,
  userId: string,
  ttlDays: number,
  deviceName: string | undefined,
  now: Date,
): { token: string; expiresAt: string } {
  const { token, expiresAt, row } = mintToken(userId, ttlDays, deviceName, now);
  t.insert('tokens', row);
  return { token, expiresAt };
}
