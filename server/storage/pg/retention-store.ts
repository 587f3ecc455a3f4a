import { and, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import {
  auditEvents,
  consents,
  documents,
  erasures,
  jobRuns,
  reports,
  tokens,
  users,
} from '../../db/pg-schema';
import { addressedEventsOfWhere, destroyedProfile, dueClosedWhere } from '../account-conditions';
import type { RetentionStore } from '../retention-store';
import { insertAuditEvent } from './audit-store';
import type { PgDb } from './handles';

// The tables retention overwrites or deletes personal data in.
const DESTROYED_IN = ['users', 'documents', 'consents', 'audit_events', 'tokens', 'reports'];

/** Retention on PostgreSQL. */
export function pgRetentionStore(db: PgDb): RetentionStore {
  return {
    async dueClosed(cutoff, limit) {
      const rows = await db
        .select({ id: users.id })
        .from(users)
        .leftJoin(erasures, eq(erasures.userId, users.id))
        .where(dueClosedWhere(users, erasures, cutoff))
        .limit(limit);
      return rows.map((row) => row.id);
    },

    async duePending(cutoff, limit) {
      const rows = await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.status, 'pending'), lte(users.createdAt, cutoff)))
        .limit(limit);
      return rows.map((row) => row.id);
    },

    async documentIdsOf(userIds) {
      if (userIds.length === 0) return [];
      const rows = await db
        .select({ id: documents.id })
        .from(documents)
        .where(inArray(documents.userId, userIds));
      return rows.map((row) => row.id);
    },

    async destroy(accounts, at, options, audit) {
      const userIds = accounts.map((a) => a.userId);
      return db.transaction(async (tx) => {
        if (options.closePendingAt) {
          await tx
            .update(users)
            .set({ status: 'closed', closedAt: options.closePendingAt })
            .where(and(inArray(users.id, userIds), eq(users.status, 'pending')));
        }
        for (const { userId, pseudonym } of accounts) {
          await tx.update(users).set(destroyedProfile(pseudonym, at)).where(eq(users.id, userId));
          await tx
            .insert(erasures)
            .values({ userId, destroyedAt: at })
            .onConflictDoUpdate({ target: erasures.userId, set: { destroyedAt: at } });
        }
        const changed = (result: { rowCount: number | null }) => result.rowCount ?? 0;
        const counts = {
          documents: changed(
            await tx
              .update(documents)
              .set({ originalName: '' })
              .where(inArray(documents.userId, userIds)),
          ),
          consentRecords: changed(
            await tx
              .update(consents)
              .set({ ip: null, userAgent: null })
              .where(inArray(consents.userId, userIds)),
          ),
          auditEvents: changed(
            await tx
              .update(auditEvents)
              .set({ ip: null })
              .where(addressedEventsOfWhere(auditEvents, userIds)),
          ),
          sessions: changed(await tx.delete(tokens).where(inArray(tokens.userId, userIds))),
          // As on SQLite: a representation basis's text names the represented person.
          reportsRedacted: changed(
            await tx
              .update(reports)
              .set({ note: '', geography: sql`${reports.geography} - 'locality'` })
              .where(and(inArray(reports.userId, userIds), isNotNull(reports.personalDataKinds))),
          ),
        };
        await insertAuditEvent(tx, audit(counts));
        return counts;
      });
    },

    // PostgreSQL keeps an updated or deleted row's old version in the table's file until VACUUM
    // prunes it; VACUUM FULL writes the tables anew and deletes the old files. It locks each
    // table while it does, so only after retention destroyed something. Old WAL segments are
    // recycled by the server at its checkpoints, which the role running the app cannot force.
    async eraseFreedSpace(options) {
      const tables = DESTROYED_IN.join(', ');
      await db.execute(sql.raw(`${options.rebuild ? 'VACUUM FULL' : 'VACUUM'} ${tables}`));
    },
    async claimRun(period, owner, at) {
      const taken = await db
        .insert(jobRuns)
        .values({ job: 'retention', period, owner, claimedAt: at })
        .onConflictDoNothing()
        .returning({ owner: jobRuns.owner });
      return taken.length === 1;
    },
  };
}
