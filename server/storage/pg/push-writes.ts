import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import { appliedMutations, auditEvents, materials, reportFiles, reports } from '../../db/pg-schema';
import { type AuditEvent, auditRow } from '../audit-store';
import { fileHashesOf } from '../evidence-facts';
import type { PgTx } from './handles';
import { insertRecordset } from './recordset';

/** What a push batch writes, gathered while its mutations are judged, written in one to three statements. */
export type PushWrites = {
  /** When the batch was received (ISO), the time of its tombstones. */
  at: string;
  materials: Omit<typeof materials.$inferInsert, 'status' | 'version'>[];
  /** Each report's last upserted state in the batch (a report edited twice is written once). */
  reports: Map<string, typeof reports.$inferInsert>;
  /** Tombstones, applied after the upserts (a report may be saved, then withdrawn, in one batch). */
  deletions: { id: string; seq: number }[];
  applied: (typeof appliedMutations.$inferInsert)[];
  audit: AuditEvent[];
};

/** Nothing to write yet, for a batch received at `at`. */
export function emptyWrites(at: string): PushWrites {
  return { at, materials: [], reports: new Map(), deletions: [], applied: [], audit: [] };
}

// Every column a pushed report sets, taken from the proposed row on a conflict; created_at and
// user_id stay as first written.
const { id: _id, userId: _user, createdAt: _created, ...updated } = getTableColumns(reports);
const ON_CONFLICT_SET = sql.raw(
  Object.values(updated)
    .map((column) => `"${column.name}" = excluded."${column.name}"`)
    .join(', '),
);

/**
 * Writes a judged push batch: materials, reports, their files and the applied mutation ids in one
 * statement (one round trip; the foreign keys are checked at its end, when every part is in),
 * then tombstones and audit events when there are any.
 */
export async function writePushBatch(tx: PgTx, writes: PushWrites): Promise<void> {
  const parts: SQL[] = [];
  if (writes.materials.length > 0) {
    // The counter lock already makes one batch create a URL's material; the unique key is the
    // last guard, and a conflict fails the batch (the client retries) rather than split a URL.
    parts.push(insertRecordset(materials, writes.materials));
  }
  if (writes.reports.size > 0) {
    parts.push(
      sql`${insertRecordset(reports, [...writes.reports.values()])}
        ON CONFLICT (id) DO UPDATE SET ${ON_CONFLICT_SET}`,
    );
    // Which files each report lists, for an upload to find its reports (never removed: readers check).
    const files = [...writes.reports.values()].flatMap((report) =>
      fileHashesOf(report).map((sha256) => ({ sha256, reportId: report.id })),
    );
    if (files.length > 0)
      parts.push(sql`${insertRecordset(reportFiles, files)} ON CONFLICT DO NOTHING`);
  }
  if (writes.applied.length > 0) parts.push(insertRecordset(appliedMutations, writes.applied));
  if (parts.length > 0) {
    const steps = parts.map((part, i) => sql`${sql.raw(`w${i}`)} AS (${part})`);
    await tx.execute(sql`WITH ${sql.join(steps, sql`, `)} SELECT 1`);
  }
  if (writes.deletions.length > 0) {
    // After the upserts, in a statement of its own: a statement changes a row once, and a report
    // may be saved, then withdrawn, in one batch. A tombstone keeps no user-entered text.
    await tx.execute(sql`UPDATE reports SET note = '', geography = geography - 'locality',
        personal_data_kinds = NULL, personal_data_basis = NULL,
        deleted_at = ${writes.at}, updated_at = ${writes.at}, version = version + 1,
        change_seq = d.seq
      FROM jsonb_to_recordset(${JSON.stringify(writes.deletions)}::jsonb) AS d(id text, seq integer)
      WHERE reports.id = d.id`);
  }
  await insertAuditEvents(tx, writes.audit);
}

/** Appends events in order, in one statement. */
export async function insertAuditEvents(tx: PgTx, events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(auditEvents).values(events.map(auditRow));
}
