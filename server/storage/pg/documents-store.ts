import { asc, eq, inArray } from 'drizzle-orm';
import { documents } from '../../db/pg-schema';
import type { DocumentStore } from '../documents-store';
import { insertAuditEvent } from './audit-store';
import type { PgDb, PgRunner } from './handles';

/** The documents of these users, oldest first; inside a transaction pass its handle. */
export async function documentsOfUsers(db: PgRunner, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .select()
    .from(documents)
    .where(inArray(documents.userId, userIds))
    .orderBy(asc(documents.createdAt), asc(documents.id));
}

/** Documents' rows on PostgreSQL. */
export function pgDocumentStore(db: PgDb): DocumentStore {
  return {
    async add(rows, audit) {
      return db.transaction(async (tx) => {
        const added = rows.length > 0 ? await tx.insert(documents).values(rows).returning() : [];
        await insertAuditEvent(tx, audit);
        return added;
      });
    },

    async find(id) {
      const [row] = await db.select().from(documents).where(eq(documents.id, id));
      return row;
    },

    ofUsers: (userIds) => documentsOfUsers(db, userIds),

    async decide(id, decide) {
      return db.transaction(async (tx) => {
        // Locked: two reviewers deciding at once each decide on what the other left.
        const [row] = await tx.select().from(documents).where(eq(documents.id, id)).for('update');
        const decision = decide(row);
        if (!row) return undefined;
        const updated = decision.set
          ? (
              await tx.update(documents).set(decision.set).where(eq(documents.id, id)).returning()
            )[0]
          : row;
        if (decision.audit) await insertAuditEvent(tx, decision.audit);
        return updated;
      });
    },
  };
}
