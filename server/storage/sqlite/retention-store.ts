import type Database from 'better-sqlite3';
import { and, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { eraseFreedSpace } from '../../db/physical-erasure';
import {
  auditEvents,
  consents,
  documents,
  erasures,
  jobRuns,
  reports,
  tokens,
  users,
} from '../../db/schema';
import { addressedEventsOfWhere, destroyedProfile, dueClosedWhere } from '../account-conditions';
import type { RetentionStore } from '../retention-store';
import { insertAuditEvent } from './audit-store';
import type { Db } from './handles';

/** Retention on SQLite. */
export function sqliteRetentionStore(db: Db, sqlite: Database.Database): RetentionStore {
  return {
    async dueClosed(cutoff, limit) {
      return db
        .select({ id: users.id })
        .from(users)
        .leftJoin(erasures, eq(erasures.userId, users.id))
        .where(dueClosedWhere(users, erasures, cutoff))
        .limit(limit)
        .all()
        .map((row) => row.id);
    },

    async duePending(cutoff, limit) {
      return db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.status, 'pending'), lte(users.createdAt, cutoff)))
        .limit(limit)
        .all()
        .map((row) => row.id);
    },

    async documentIdsOf(userIds) {
      if (userIds.length === 0) return [];
      return db
        .select({ id: documents.id })
        .from(documents)
        .where(inArray(documents.userId, userIds))
        .all()
        .map((row) => row.id);
    },

    async destroy(accounts, at, options, audit) {
      const userIds = accounts.map((a) => a.userId);
      return db.transaction(
        (tx) => {
          if (options.closePendingAt) {
            tx.update(users)
              .set({ status: 'closed', closedAt: options.closePendingAt })
              .where(and(inArray(users.id, userIds), eq(users.status, 'pending')))
              .run();
          }
          for (const { userId, pseudonym } of accounts) {
            tx.update(users).set(destroyedProfile(pseudonym, at)).where(eq(users.id, userId)).run();
            tx.insert(erasures)
              .values({ userId, destroyedAt: at })
              .onConflictDoUpdate({ target: erasures.userId, set: { destroyedAt: at } })
              .run();
          }
          const counts = {
            documents: tx
              .update(documents)
              .set({ originalName: '' })
              .where(inArray(documents.userId, userIds))
              .run().changes,
            consentRecords: tx
              .update(consents)
              .set({ ip: null, userAgent: null })
              .where(inArray(consents.userId, userIds))
              .run().changes,
            auditEvents: tx
              .update(auditEvents)
              .set({ ip: null })
              .where(addressedEventsOfWhere(auditEvents, userIds))
              .run().changes,
            sessions: tx.delete(tokens).where(inArray(tokens.userId, userIds)).run().changes,
            // Text accepted under a representation basis holds a represented person's data, and
            // that basis (the user's document) is gone now.
            reportsRedacted: tx
              .update(reports)
              .set({ note: '', geography: sql`json_remove(${reports.geography}, '$.locality')` })
              .where(and(inArray(reports.userId, userIds), isNotNull(reports.personalDataKinds)))
              .run().changes,
          };
          insertAuditEvent(tx, audit(counts));
          return counts;
        },
        { behavior: 'immediate' },
      );
    },

    async eraseFreedSpace(options) {
      eraseFreedSpace(sqlite, options);
    },
    async claimRun(period, owner, at) {
      const taken = db
        .insert(jobRuns)
        .values({ job: 'retention', period, owner, claimedAt: at })
        .onConflictDoNothing()
        .run();
      return taken.changes === 1;
    },
  };
}
