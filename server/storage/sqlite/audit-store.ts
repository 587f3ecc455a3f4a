import { and, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { auditEvents } from '../../db/schema';
import { type AuditEvent, type AuditStore, auditRow } from '../audit-store';

/** Appends one event; inside a transaction pass its handle. */
export function insertAuditEvent(db: Pick<Db, 'insert'>, event: AuditEvent): void {
  db.insert(auditEvents).values(auditRow(event)).run();
}

/** The audit log on SQLite. */
export function sqliteAuditStore(db: Db): AuditStore {
  return {
    async record(event) {
      insertAuditEvent(db, event);
    },
    async list(filter, limit) {
      const rows = db
        .select()
        .from(auditEvents)
        .where(
          and(
            filter.action ? eq(auditEvents.action, filter.action) : undefined,
            filter.actorUserId ? eq(auditEvents.actorUserId, filter.actorUserId) : undefined,
            filter.actorUserIds ? inArray(auditEvents.actorUserId, filter.actorUserIds) : undefined,
            filter.from ? gte(auditEvents.at, filter.from) : undefined,
            filter.before ? lt(auditEvents.at, filter.before) : undefined,
            filter.beforeId !== undefined ? lt(auditEvents.id, filter.beforeId) : undefined,
          ),
        )
        .orderBy(desc(auditEvents.id))
        .limit(limit)
        .all();
      return rows.map((row) => ({ ...row, details: row.details ?? null }));
    },
    async actions() {
      return db
        .selectDistinct({ action: auditEvents.action })
        .from(auditEvents)
        .orderBy(auditEvents.action)
        .all()
        .map((row) => row.action);
    },
  };
}
