import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { tokens, users } from '../../db/schema';

/** The SHA-256 of a bearer token, which is all the database keeps of it. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Issues a new random bearer token for a user's device. */
export function issueToken(
  db: Db,
  userId: string,
  ttlDays: number,
  deviceName?: string,
  now = new Date(),
) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlDays * 86_400_000).toISOString();
  db.insert(tokens)
    .values({
      id: randomUUID(),
      userId,
      tokenHash: hashToken(token),
      deviceName: deviceName ?? null,
      createdAt: now.toISOString(),
      expiresAt,
    })
    .run();
  return { token, expiresAt };
}

/** The user a live (unexpired, unrevoked) token belongs to, or undefined. */
export function userForToken(db: Db, token: string, now = new Date()) {
  const row = db
    .select({ user: users, tokenId: tokens.id })
    .from(tokens)
    .innerJoin(users, eq(users.id, tokens.userId))
    .where(
      and(
        eq(tokens.tokenHash, hashToken(token)),
        isNull(tokens.revokedAt),
        gt(tokens.expiresAt, now.toISOString()),
      ),
    )
    .get();
  return row;
}

/** Revokes one token by its value. */
export function revokeToken(db: Db, token: string, now = new Date()) {
  db.update(tokens)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(tokens.tokenHash, hashToken(token)), isNull(tokens.revokedAt)))
    .run();
}

/** Revokes every live token of a user (consent withdrawn, account blocked or closed). */
export function revokeAllTokens(db: Db, userId: string, now = new Date()) {
  db.update(tokens)
    .set({ revokedAt: now.toISOString() })
    .where(and(eq(tokens.userId, userId), isNull(tokens.revokedAt)))
    .run();
}
