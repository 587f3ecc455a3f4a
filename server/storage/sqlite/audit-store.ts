import { desc } from 'drizzle-orm';
import { auditEvents } from '../../db/schema';
import { type AuditEvent, type AuditStore, auditFilterWhere, auditRow } from '../audit-store';
import type { Db } from './handles';

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
        .where(auditFilterWhere(auditEvents, filter))
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
