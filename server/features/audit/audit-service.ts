import { and, desc, eq, lt } from 'drizzle-orm';
import type { z } from 'zod';
import type { auditEventSchema, auditQuerySchema } from '#shared/schemas/audit';
import type { Db } from '../../db/open';
import { auditEvents } from '../../db/schema';

/** Values an audit event may carry: ids, codes, counts and flags, never personal values. */
export type AuditDetails = Record<string, string | number | boolean | null | readonly string[]>;

export type AuditEvent = {
  /** A dotted code: `auth.login_failed`, `document.approved`, `report.personal_data_rejected`… */
  action: string;
  at: Date;
  actorUserId?: string | null;
  subjectType?: string;
  subjectId?: string;
  ip?: string | null;
  details?: AuditDetails;
};

// Keys that would only ever hold someone's personal values; the log is kept for years.
const PERSONAL_KEY = /mail|name|note|password|phone|token|comment|text|address|iin/i;
const MAX_DETAIL_LENGTH = 200;

/** Throws when details could hold personal values: that is a bug in the caller, not an input error. */
export function assertNoPersonalValues(details: AuditDetails): void {
  for (const [key, value] of Object.entries(details)) {
    if (PERSONAL_KEY.test(key)) throw new Error(`audit detail "${key}" may hold personal data`);
    const strings = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
    if (strings.some((s) => s.length > MAX_DETAIL_LENGTH || s.includes('@'))) {
      throw new Error(`audit detail "${key}" is not a code or an id`);
    }
  }
}

/** Appends one event to the audit log (works inside a transaction too: pass `tx`). */
export function recordAudit(db: Pick<Db, 'insert'>, event: AuditEvent): void {
  if (event.details) assertNoPersonalValues(event.details);
  db.insert(auditEvents)
    .values({
      at: event.at.toISOString(),
      action: event.action,
      actorUserId: event.actorUserId ?? null,
      subjectType: event.subjectType ?? null,
      subjectId: event.subjectId ?? null,
      ip: event.ip ?? null,
      details: event.details ?? null,
    })
    .run();
}

/** One page of the audit log, newest first, optionally of one action. */
export function listAudit(
  db: Db,
  query: z.infer<typeof auditQuerySchema>,
): { events: z.infer<typeof auditEventSchema>[]; cursor: string | null; hasMore: boolean } {
  const rows = db
    .select()
    .from(auditEvents)
    .where(
      and(
        query.action ? eq(auditEvents.action, query.action) : undefined,
        query.cursor ? lt(auditEvents.id, Number(query.cursor)) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(query.limit + 1)
    .all();
  const hasMore = rows.length > query.limit;
  const events = rows
    .slice(0, query.limit)
    .map((row) => ({ ...row, details: row.details ?? null }));
  const last = events.at(-1);
  return { events, cursor: last ? String(last.id) : (query.cursor ?? null), hasMore };
}
