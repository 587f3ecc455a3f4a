import type { Db } from '../db/open';
import { tokens } from '../db/schema';
import { mintToken } from '../features/auth/tokens';

/** Gives a test account a live bearer token at once, straight into the SQLite file. */
export function insertTestToken(
  db: Db,
  userId: string,
  ttlDays: number,
  deviceName: string | undefined,
  now: Date,
): { token: string; expiresAt: string } {
  const { token, expiresAt, row } = mintToken(userId, ttlDays, deviceName, now);
  db.insert(tokens).values(row).run();
  return { token, expiresAt };
}
