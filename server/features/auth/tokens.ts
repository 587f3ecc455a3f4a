import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Storage } from '../../storage';
import type { AuditEvent } from '../../storage/audit-store';
import type { NewToken } from '../../storage/sessions-store';

/** The SHA-256 of a bearer token, which is all the database keeps of it. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new random bearer token for a user's device, and the row that stores it. */
export function mintToken(
  userId: string,
  ttlDays: number,
  deviceName: string | undefined,
  now: Date,
): { token: string; expiresAt: string; row: NewToken } {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlDays * 86_400_000).toISOString();
  const row: NewToken = {
    id: randomUUID(),
    userId,
    tokenHash: hashToken(token),
    deviceName: deviceName ?? null,
    createdAt: now.toISOString(),
    expiresAt,
  };
  return { token, expiresAt, row };
}

/** Issues a new bearer token for a user's device, recording `audit` with it. */
export async function issueToken(
  storage: Pick<Storage, 'sessions'>,
  token: { userId: string; ttlDays: number; deviceName?: string; now: Date },
  audit: AuditEvent,
): Promise<{ token: string; expiresAt: string }> {
  const minted = mintToken(token.userId, token.ttlDays, token.deviceName, token.now);
  await storage.sessions.issue(minted.row, audit);
  return { token: minted.token, expiresAt: minted.expiresAt };
}

/** The user a live (unexpired, unrevoked) token belongs to, or undefined. */
export function userForToken(storage: Pick<Storage, 'sessions'>, token: string, now: Date) {
  return storage.sessions.userForToken(hashToken(token), now.toISOString());
}

/** Revokes one token by its value, recording `audit` (if given) with it. */
export function revokeToken(
  storage: Pick<Storage, 'sessions'>,
  token: string,
  at: Date,
  audit?: AuditEvent,
): Promise<void> {
  return storage.sessions.revoke(hashToken(token), at.toISOString(), audit);
}
