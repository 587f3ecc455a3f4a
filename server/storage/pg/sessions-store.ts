import { and, eq, gt, isNull } from 'drizzle-orm';
import { auditEvents, tokens, users } from '../../db/pg-schema';
import { signInsFromWhere } from '../account-conditions';
import type { SessionStore } from '../sessions-store';
import { insertAuditEvent } from './audit-store';
import type { PgDb, PgRunner } from './handles';

/** Revokes every live token of a user; inside a transaction pass its handle. */
export async function revokeTokensOf(db: PgRunner, userId: string, at: string): Promise<void> {
  await db
    .update(tokens)
    .set({ revokedAt: at })
    .where(and(eq(tokens.userId, userId), isNull(tokens.revokedAt)));
}

/** Sign-in sessions on PostgreSQL. */
export function pgSessionStore(db: PgDb): SessionStore {
  return {
    async issue(token, audit) {
      // A token hash issued twice breaks the unique constraint and stores nothing.
      await db.transaction(async (tx) => {
        await tx.insert(tokens).values(token);
        await insertAuditEvent(tx, audit);
      });
    },

    async userForToken(tokenHash, now) {
      const [found] = await db
        .select({ user: users, tokenId: tokens.id })
        .from(tokens)
        .innerJoin(users, eq(users.id, tokens.userId))
        .where(
          and(eq(tokens.tokenHash, tokenHash), isNull(tokens.revokedAt), gt(tokens.expiresAt, now)),
        );
      return found;
    },

    async revoke(tokenHash, at, audit) {
      await db.transaction(async (tx) => {
        await tx
          .update(tokens)
          .set({ revokedAt: at })
          .where(and(eq(tokens.tokenHash, tokenHash), isNull(tokens.revokedAt)));
        if (audit) await insertAuditEvent(tx, audit);
      });
    },

    async signedInFrom(userId, ip, since) {
      const [found] = await db
        .select({ id: auditEvents.id })
        .from(auditEvents)
        .where(signInsFromWhere(auditEvents, userId, ip, since))
        .limit(1);
      return !!found;
    },
  };
}
