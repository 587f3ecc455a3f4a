import { desc, eq } from 'drizzle-orm';
import { consents, policies, users } from '../../db/pg-schema';
import type { ConsentRow, ConsentStore, PolicyRow } from '../consent-store';
import { insertAuditEvent } from './audit-store';
import type { PgDb, PgRunner } from './handles';
import { DECISION, decideAlone } from './locks';
import { revokeTokensOf } from './sessions-store';

/** The current policy version; inside a transaction pass its handle. */
export async function currentPolicyRow(db: PgRunner): Promise<PolicyRow | undefined> {
  const [row] = await db
    .select()
    .from(policies)
    .orderBy(desc(policies.publishedAt), desc(policies.version))
    .limit(1);
  return row;
}

/** The user's newest consent record; inside a transaction pass its handle. */
export async function latestConsentRow(
  db: PgRunner,
  userId: string,
): Promise<ConsentRow | undefined> {
  const [row] = await db
    .select()
    .from(consents)
    .where(eq(consents.userId, userId))
    .orderBy(desc(consents.id))
    .limit(1);
  return row;
}

/** Policies and consent records on PostgreSQL. */
export function pgConsentStore(db: PgDb): ConsentStore {
  return {
    currentPolicy: () => currentPolicyRow(db),

    async policyVersions() {
      return db.select().from(policies).orderBy(desc(policies.publishedAt), desc(policies.version));
    },

    async policyByVersion(version) {
      const [row] = await db.select().from(policies).where(eq(policies.version, version));
      return row;
    },

    async publish(version, build) {
      return db.transaction(async (tx) => {
        await decideAlone(tx, DECISION.policyPublication);
        const [existing] = await tx.select().from(policies).where(eq(policies.version, version));
        const built = build({ current: await currentPolicyRow(tx), existing });
        if (!built) return undefined;
        await tx.insert(policies).values(built.row);
        if (built.audit) await insertAuditEvent(tx, built.audit);
        return built.row;
      });
    },

    async standing(userId) {
      const [current, latest] = await Promise.all([
        currentPolicyRow(db),
        latestConsentRow(db, userId),
      ]);
      return { current, latest };
    },

    async record(userId, build) {
      return db.transaction(async (tx) => {
        // One record of a user at a time: each is decided on the one before it.
        await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
        const entry = build({
          current: await currentPolicyRow(tx),
          latest: await latestConsentRow(tx, userId),
        });
        const [row] = await tx.insert(consents).values(entry.consent).returning();
        if (entry.revokeTokens) await revokeTokensOf(tx, userId, entry.consent.at);
        await insertAuditEvent(tx, entry.audit);
        return row!;
      });
    },
  };
}
