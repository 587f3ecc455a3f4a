import { and, desc, eq, gte, lt } from 'drizzle-orm';
import { z } from 'zod';
import { auditActionSchema } from '#shared/schemas/audit';
import type { Db } from '../../db/open';
import { auditEvents } from '../../db/schema';

const dateSchema = z.iso.date();

/** The audit log page's filters, from its query string; a malformed filter is ignored. */
export const auditFilterSchema = z.object({
  action: auditActionSchema.optional().catch(undefined),
  actor: z.uuid().optional().catch(undefined),
  from: dateSchema.optional().catch(undefined),
  to: dateSchema.optional().catch(undefined),
  cursor: z
    .string()
    .regex(/^[0-9]{1,15}$/)
    .optional()
    .catch(undefined),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;
export type AuditEventRow = typeof auditEvents.$inferSelect;

const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00.000Z`) + 86_400_000).toISOString();

/** One page of the audit log, newest first, by action, actor and period (whole UTC days). */
export function auditPage(db: Db, filter: AuditFilter, limit: number) {
  const rows = db
    .select()
    .from(auditEvents)
    .where(
      and(
        filter.action ? eq(auditEvents.action, filter.action) : undefined,
        filter.actor ? eq(auditEvents.actorUserId, filter.actor) : undefined,
        filter.from ? gte(auditEvents.at, `${filter.from}T00:00:00.000Z`) : undefined,
        filter.to ? lt(auditEvents.at, nextDay(filter.to)) : undefined,
        filter.cursor ? lt(auditEvents.id, Number(filter.cursor)) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(limit + 1)
    .all();
  const events = rows.slice(0, limit);
  return {
    events,
    cursor: events.at(-1) ? String(events.at(-1)!.id) : null,
    hasMore: rows.length > limit,
  };
}

/** The distinct actions in the log, for the filter's choices. */
export function auditActions(db: Db): string[] {
  return db
    .selectDistinct({ action: auditEvents.action })
    .from(auditEvents)
    .orderBy(auditEvents.action)
    .all()
    .map((row) => row.action);
}
