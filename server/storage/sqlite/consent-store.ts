import { desc, eq } from 'drizzle-orm';
import { consents, policies } from '../../db/schema';
import type { ConsentRow, ConsentStore, PolicyRow } from '../consent-store';
import { insertAuditEvent } from './audit-store';
import type { Db } from './handles';
import { revokeTokensOf } from './sessions-store';

type Reader = Pick<Db, 'select'>;

/** The current policy version, read with the caller's handle (a transaction's inside one). */
export function currentPolicyRow(db: Reader): PolicyRow | undefined {
  return db
    .select()
    .from(policies)
    .orderBy(desc(policies.publishedAt), desc(policies.version))
    .get();
}

/** The user's newest consent record, read with the caller's handle. */
export function latestConsentRow(db: Reader, userId: string): ConsentRow | undefined {
  return db
    .select()
    .from(consents)
    .where(eq(consents.userId, userId))
    .orderBy(desc(consents.id))
    .get();
}

/** Policies and consent records on SQLite. */
export function sqliteConsentStore(db: Db): ConsentStore {
  return {
    async currentPolicy() {
      return currentPolicyRow(db);
    },

    async policyVersions() {
      return db
        .select()
        .from(policies)
        .orderBy(desc(policies.publishedAt), desc(policies.version))
        .all();
    },

    async policyByVersion(version) {
      return db.select().from(policies).where(eq(policies.version, version)).get();
    },

    async publish(version, build) {
      return db.transaction(
        (tx) => {
          const existing = tx.select().from(policies).where(eq(policies.version, version)).get();
          const built = build({ current: currentPolicyRow(tx), existing });
          if (!built) return undefined;
          tx.insert(policies).values(built.row).run();
          if (built.audit) insertAuditEvent(tx, built.audit);
          return built.row;
        },
        { behavior: 'immediate' },
      );
    },

    async standing(userId) {
      return { current: currentPolicyRow(db), latest: latestConsentRow(db, userId) };
    },

    async record(userId, build) {
      return db.transaction(
        (tx) => {
          const entry = build({
            current: currentPolicyRow(tx),
            latest: latestConsentRow(tx, userId),
          });
          const row = tx.insert(consents).values(entry.consent).returning().get();
          if (entry.revokeTokens) revokeTokensOf(tx, userId, entry.consent.at);
          insertAuditEvent(tx, entry.audit);
          return row;
        },
        { behavior: 'immediate' },
      );
    },
  };
}
