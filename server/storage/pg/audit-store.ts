import { desc } from 'drizzle-orm';
import { auditEvents } from '../../db/pg-schema';
import { type AuditEvent, type AuditStore, auditFilterWhere, auditRow } from '../audit-store';
import type { PgRunner } from './handles';

/** Appends one event; inside a transaction pass its handle. */
export async function insertAuditEvent(db: PgRunner, event: AuditEvent): Promise<void> {
  await db.insert(auditEvents).values(auditRow(event));
}

/** The audit log on PostgreSQL. */
export function pgAuditStore(db: PgRunner): AuditStore {
  return {
    record: (event) => insertAuditEvent(db, event),
    async list(filter, limit) {
      const rows = await db
        .select()
        .from(auditEvents)
        .where(auditFilterWhere(auditEvents, filter))
        .orderBy(desc(auditEvents.id))
        .limit(limit);
      return rows.map((row) => ({ ...row, details: row.details ?? null }));
    },
    async actions() {
      const rows = await db
        .selectDistinct({ action: auditEvents.action })
        .from(auditEvents)
        .orderBy(auditEvents.action);
      return rows.map((row) => row.action);
    },
  };
}
