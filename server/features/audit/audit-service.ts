import type { AuditEventView } from '#shared/schemas/audit';
import type { Storage } from '../../storage';

export type { AuditDetails, AuditEvent } from '../../storage/audit-store';
export { assertNoPersonalValues } from '../../storage/audit-store';

/**
 * Which events: by action, actor or people (any of these accounts), and period (whole UTC days,
 * YYYY-MM-DD), older than a cursor.
 */
export type AuditLogFilter = {
  action?: string;
  actor?: string;
  people?: string[];
  from?: string;
  to?: string;
  cursor?: string;
};

const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00.000Z`) + 86_400_000).toISOString();

/** One page of the audit log, newest first: what the API and the admin console both show. */
export async function auditLog(
  storage: Pick<Storage, 'audit'>,
  filter: AuditLogFilter,
  limit: number,
): Promise<{ events: AuditEventView[]; cursor: string | null; hasMore: boolean }> {
  if (filter.people?.length === 0) return { events: [], cursor: null, hasMore: false };
  const rows = await storage.audit.list(
    {
      action: filter.action,
      actorUserId: filter.actor,
      actorUserIds: filter.people,
      from: filter.from ? `${filter.from}T00:00:00.000Z` : undefined,
      before: filter.to ? nextDay(filter.to) : undefined,
      beforeId: filter.cursor ? Number(filter.cursor) : undefined,
    },
    limit + 1,
  );
  const events = rows.slice(0, limit);
  const last = events.at(-1);
  return {
    events,
    cursor: last ? String(last.id) : (filter.cursor ?? null),
    hasMore: rows.length > limit,
  };
}
