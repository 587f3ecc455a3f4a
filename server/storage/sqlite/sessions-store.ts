import { and, eq, gt, isNull } from 'drizzle-orm';
import { auditEvents, tokens, users } from '../../db/schema';
import { signInsFromWhere } from '../account-conditions';
import type { SessionStore } from '../sessions-store';
import { insertAuditEvent } from './audit-store';
import type { Db } from './handles';

/** Revokes every live token of a user, inside the caller's transaction. */
export function revokeTokensOf(tx: Pick<Db, 'update'>, userId: string, at: string): void {
  tx.update(tokens)
    .set({ revokedAt: at })
    .where(and(eq(tokens.userId, userId), isNull(tokens.revokedAt)))
    .run();
}

/** Sign-in sessions on SQLite. */
export function sqliteSessionStore(db: Db): SessionStore {
  return {
    async issue(token, audit) {
      db.transaction((tx) => {
        tx.insert(tokens).values(token).run();
        insertAuditEvent(tx, audit);
      });
    },

    async userForToken(tokenHash, now) {
      return db
        .select({ user: users, tokenId: tokens.id })
        .from(tokens)
        .innerJoin(users, eq(users.id, tokens.userId))
        .where(
          and(eq(tokens.tokenHash, tokenHash), isNull(tokens.revokedAt), gt(tokens.expiresAt, now)),
        )
        .get();
    },

    async revoke(tokenHash, at, audit) {
      db.transaction((tx) => {
        tx.update(tokens)
          .set({ revokedAt: at })
          .where(and(eq(tokens.tokenHash, tokenHash), isNull(tokens.revokedAt)))
          .run();
        if (audit) insertAuditEvent(tx, audit);
      });
    },

    async signedInFrom(userId, ip, since) {
      const found = db
        .select({ id: auditEvents.id })
        .from(auditEvents)
        .where(signInsFromWhere(auditEvents, userId, ip, since))
        .get();
      return !!found;
    },
  };
}
