import { and, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import { z } from 'zod';
import { auditActionSchema } from '#shared/schemas/audit';
import type { Db } from '../../db/open';
import { auditEvents, users } from '../../db/schema';

const dateSchema = z.iso.date();

/** The audit log page's filters, from its query string; a malformed filter is ignored. */
export const auditFilterSchema = z.object({
  action: auditActionSchema.optional().catch(undefined),
  actor: z.uuid().optional().catch(undefined),
  /** Part of a person's name or e-mail: the events they did. */
  person: z.string().trim().min(1).max(100).optional().catch(undefined),
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

/** One page of the audit log, newest first, by action, actor or person, and period (whole UTC days). */
export function auditPage(db: Db, filter: AuditFilter, limit: number) {
  const people = filter.person === undefined ? undefined : peopleMatching(db, filter.person);
  if (people?.length === 0) return { events: [], cursor: null, hasMore: false };
  const rows = db
    .select()
    .from(auditEvents)
    .where(
      and(
        filter.action ? eq(auditEvents.action, filter.action) : undefined,
        filter.actor ? eq(auditEvents.actorUserId, filter.actor) : undefined,
        people ? inArray(auditEvents.actorUserId, people) : undefined,
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

/**
 * The ids of the accounts whose name or e-mail contains the text, in any letter case. Compared
 * here rather than in SQL: SQLite folds the case of ASCII letters only, and names are Cyrillic.
 * Accounts number in the thousands, not millions.
 */
export function peopleMatching(db: Db, text: string): string[] {
  const wanted = text.toLocaleLowerCase('ru');
  return db
    .select({ id: users.id, name: users.fullName, email: users.email })
    .from(users)
    .all()
    .filter(
      (row) =>
        row.name.toLocaleLowerCase('ru').includes(wanted) ||
        row.email.toLocaleLowerCase('ru').includes(wanted),
    )
    .map((row) => row.id);
}

/** How the log names a person to admins. */
export type Person = { name: string; email: string; closed: boolean };

/** The people behind these ids (accounts that exist), for the log to name them. */
export function peopleByIds(db: Db, ids: string[]): Map<string, Person> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = db
    .select({ id: users.id, name: users.fullName, email: users.email, status: users.status })
    .from(users)
    .where(inArray(users.id, unique))
    .all();
  return new Map(
    rows.map((row) => [
      row.id,
      { name: row.name, email: row.email, closed: row.status === 'closed' },
    ]),
  );
}
