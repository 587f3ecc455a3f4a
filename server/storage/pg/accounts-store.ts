import { and, asc, count, eq, inArray, ne } from 'drizzle-orm';
import { consents, documents, erasures, users } from '../../db/pg-schema';
import { accountPageWhere } from '../account-conditions';
import type { AccountStore } from '../accounts-store';
import { insertAuditEvent } from './audit-store';
import { currentPolicyRow, latestConsentRow } from './consent-store';
import { documentsOfUsers } from './documents-store';
import type { PgDb, PgTx } from './handles';
import { DECISION, decideAlone } from './locks';
import { revokeTokensOf } from './sessions-store';

const otherActiveAdmins = async (tx: PgTx, userId: string) => {
  const [row] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.status, 'active'), ne(users.id, userId)));
  return row?.n ?? 0;
};

const adminExists = async (db: PgDb | PgTx) =>
  (await db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).limit(1)).length >
  0;

/** Accounts on PostgreSQL. */
export function pgAccountStore(db: PgDb): AccountStore {
  return {
    async findByEmail(email) {
      const [row] = await db.select().from(users).where(eq(users.email, email));
      return row;
    },

    async findById(id) {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row;
    },

    async findByIds(ids) {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return [];
      return db.select().from(users).where(inArray(users.id, unique));
    },

    async directory() {
      return db.select({ id: users.id, fullName: users.fullName, email: users.email }).from(users);
    },

    async list(filter, limit) {
      return db
        .select()
        .from(users)
        .where(accountPageWhere(users, filter))
        .orderBy(asc(users.createdAt), asc(users.id))
        .limit(limit);
    },

    adminExists: () => adminExists(db),

    async createFirstAdmin(admin) {
      return db.transaction(async (tx) => {
        // Replicas starting together: one creates the admin, the others then see it.
        await decideAlone(tx, DECISION.firstAdmin);
        if (await adminExists(tx)) return 'exists' as const;
        await tx.insert(users).values(admin);
        return 'created' as const;
      });
    },

    async register(email, build) {
      await db.transaction(async (tx) => {
        const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
        const currentPolicyVersion = (await currentPolicyRow(tx))?.version;
        const entry = build({ emailTaken: !!taken, currentPolicyVersion });
        // Two registrations of one e-mail at once both read it free: the unique e-mail decides,
        // and the one that finds it taken is refused as if it had read so.
        const inserted = await tx
          .insert(users)
          .values(entry.user)
          .onConflictDoNothing({ target: users.email })
          .returning({ id: users.id });
        if (inserted.length === 0) {
          build({ emailTaken: true, currentPolicyVersion });
          throw new Error('the e-mail was taken while registering');
        }
        if (entry.documents.length > 0) await tx.insert(documents).values(entry.documents);
        await tx.insert(consents).values(entry.consent);
        for (const event of entry.audit) await insertAuditEvent(tx, event);
      });
    },

    async change(userId, build) {
      return db.transaction(async (tx) => {
        // Changes one at a time, as on SQLite: two admins demoting each other at once must not
        // both count the other as the remaining admin.
        await decideAlone(tx, DECISION.accountChange);
        const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
        const change = build(
          user && {
            user,
            documents: await documentsOfUsers(tx, [userId]),
            otherActiveAdmins: await otherActiveAdmins(tx, userId),
            latestConsent: await latestConsentRow(tx, userId),
            currentPolicyVersion: (await currentPolicyRow(tx))?.version,
          },
        );
        if (!user) throw new Error('a change of an account that does not exist');
        if (change.set) await tx.update(users).set(change.set).where(eq(users.id, userId));
        const approve = change.approveDocuments;
        if (approve && approve.ids.length > 0) {
          await tx
            .update(documents)
            .set({ status: 'approved', decidedAt: approve.at, decidedBy: approve.by })
            .where(and(eq(documents.userId, userId), inArray(documents.id, approve.ids)));
        }
        if (change.revokeTokensAt) await revokeTokensOf(tx, userId, change.revokeTokensAt);
        if (change.consent) await tx.insert(consents).values(change.consent);
        if (change.erasureRequestedAt) {
          const requestedAt = change.erasureRequestedAt;
          await tx
            .insert(erasures)
            .values({ userId, requestedAt })
            .onConflictDoUpdate({ target: erasures.userId, set: { requestedAt } });
        }
        for (const event of change.audit) await insertAuditEvent(tx, event);
        const [after] = await tx.select().from(users).where(eq(users.id, userId));
        return { user: after!, documents: await documentsOfUsers(tx, [userId]) };
      });
    },
  };
}
