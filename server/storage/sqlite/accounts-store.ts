import { and, asc, count, eq, inArray, ne } from 'drizzle-orm';
import { consents, documents, erasures, users } from '../../db/schema';
import { accountPageWhere } from '../account-conditions';
import type { AccountStore } from '../accounts-store';
import { insertAuditEvent } from './audit-store';
import { currentPolicyRow, latestConsentRow } from './consent-store';
import type { Db } from './handles';
import { revokeTokensOf } from './sessions-store';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const documentsOf = (tx: Pick<Db, 'select'>, userId: string) =>
  tx
    .select()
    .from(documents)
    .where(eq(documents.userId, userId))
    .orderBy(asc(documents.createdAt), asc(documents.id))
    .all();

const otherActiveAdmins = (tx: Tx, userId: string) =>
  tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.status, 'active'), ne(users.id, userId)))
    .get()?.n ?? 0;

/** Accounts on SQLite. */
export function sqliteAccountStore(db: Db): AccountStore {
  return {
    async findByEmail(email) {
      return db.select().from(users).where(eq(users.email, email)).get();
    },

    async findById(id) {
      return db.select().from(users).where(eq(users.id, id)).get();
    },

    async findByIds(ids) {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return [];
      return db.select().from(users).where(inArray(users.id, unique)).all();
    },

    async directory() {
      return db
        .select({ id: users.id, fullName: users.fullName, email: users.email })
        .from(users)
        .all();
    },

    async list(filter, limit) {
      return db
        .select()
        .from(users)
        .where(accountPageWhere(users, filter))
        .orderBy(asc(users.createdAt), asc(users.id))
        .limit(limit)
        .all();
    },

    async adminExists() {
      return !!db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).get();
    },

    async createFirstAdmin(admin) {
      return db.transaction(
        (tx) => {
          if (tx.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).get()) {
            return 'exists' as const;
          }
          tx.insert(users).values(admin).run();
          return 'created' as const;
        },
        { behavior: 'immediate' },
      );
    },

    async register(email, build) {
      db.transaction(
        (tx) => {
          const taken = !!tx
            .select({ id: users.id })
            .from(users)
            .where(eq(users.email, email))
            .get();
          const entry = build({
            emailTaken: taken,
            currentPolicyVersion: currentPolicyRow(tx)?.version,
          });
          tx.insert(users).values(entry.user).run();
          if (entry.documents.length > 0) tx.insert(documents).values(entry.documents).run();
          tx.insert(consents).values(entry.consent).run();
          for (const event of entry.audit) insertAuditEvent(tx, event);
        },
        { behavior: 'immediate' },
      );
    },

    async change(userId, build) {
      return db.transaction(
        (tx) => {
          const user = tx.select().from(users).where(eq(users.id, userId)).get();
          const change = build(
            user && {
              user,
              documents: documentsOf(tx, userId),
              otherActiveAdmins: otherActiveAdmins(tx, userId),
              latestConsent: latestConsentRow(tx, userId),
              currentPolicyVersion: currentPolicyRow(tx)?.version,
            },
          );
          if (!user) throw new Error('a change of an account that does not exist');
          if (change.set) tx.update(users).set(change.set).where(eq(users.id, userId)).run();
          const approve = change.approveDocuments;
          if (approve && approve.ids.length > 0) {
            tx.update(documents)
              .set({ status: 'approved', decidedAt: approve.at, decidedBy: approve.by })
              .where(and(eq(documents.userId, userId), inArray(documents.id, approve.ids)))
              .run();
          }
          if (change.revokeTokensAt) revokeTokensOf(tx, userId, change.revokeTokensAt);
          if (change.consent) tx.insert(consents).values(change.consent).run();
          if (change.erasureRequestedAt) {
            const requestedAt = change.erasureRequestedAt;
            tx.insert(erasures)
              .values({ userId, requestedAt })
              .onConflictDoUpdate({ target: erasures.userId, set: { requestedAt } })
              .run();
          }
          for (const event of change.audit) insertAuditEvent(tx, event);
          return {
            user: tx.select().from(users).where(eq(users.id, userId)).get()!,
            documents: documentsOf(tx, userId),
          };
        },
        { behavior: 'immediate' },
      );
    },
  };
}
