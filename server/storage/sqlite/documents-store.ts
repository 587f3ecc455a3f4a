import { asc, eq, inArray } from 'drizzle-orm';
import { documents } from '../../db/schema';
import type { DocumentStore } from '../documents-store';
import { insertAuditEvent } from './audit-store';
import type { Db } from './handles';

/** Documents' rows on SQLite. */
export function sqliteDocumentStore(db: Db): DocumentStore {
  return {
    async add(rows, audit) {
      return db.transaction((tx) => {
        const added = rows.length > 0 ? tx.insert(documents).values(rows).returning().all() : [];
        insertAuditEvent(tx, audit);
        return added;
      });
    },

    async find(id) {
      return db.select().from(documents).where(eq(documents.id, id)).get();
    },

    async ofUsers(userIds) {
      if (userIds.length === 0) return [];
      return db
        .select()
        .from(documents)
        .where(inArray(documents.userId, userIds))
        .orderBy(asc(documents.createdAt), asc(documents.id))
        .all();
    },

    async decide(id, decide) {
      return db.transaction(
        (tx) => {
          const row = tx.select().from(documents).where(eq(documents.id, id)).get();
          const decision = decide(row);
          if (!row) return undefined;
          const updated = decision.set
            ? tx.update(documents).set(decision.set).where(eq(documents.id, id)).returning().get()
            : row;
          if (decision.audit) insertAuditEvent(tx, decision.audit);
          return updated;
        },
        { behavior: 'immediate' },
      );
    },
  };
}
