import { type AnyColumn, and, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
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

/** An event as the log holds it. */
export type AuditRecord = {
  id: number;
  at: string;
  action: string;
  actorUserId: string | null;
  subjectType: string | null;
  subjectId: string | null;
  ip: string | null;
  details: Record<string, unknown> | null;
};

/** Which events to list: by action, actor (or one of several) and period (from, before: ISO timestamps), older than a cursor id. */
export type AuditFilter = {
  action?: string;
  actorUserId?: string;
  /** Only events by one of these accounts. */
  actorUserIds?: string[];
  from?: string;
  before?: string;
  beforeId?: number;
};

/** The append-only audit log. */
export interface AuditStore {
  /** Appends one event (checked with `assertNoPersonalValues`). */
  record(event: AuditEvent): Promise<void>;
  /** Up to `limit` events matching the filter, newest first. */
  list(filter: AuditFilter, limit: number): Promise<AuditRecord[]>;
  /** The distinct actions in the log, sorted. */
  actions(): Promise<string[]>;
}

/** An event as both engines store it (checked with `assertNoPersonalValues`). */
export function auditRow(event: AuditEvent) {
  if (event.details) assertNoPersonalValues(event.details);
  return {
    at: event.at.toISOString(),
    action: event.action,
    actorUserId: event.actorUserId ?? null,
    subjectType: event.subjectType ?? null,
    subjectId: event.subjectId ?? null,
    ip: event.ip ?? null,
    details: event.details ?? null,
  };
}

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

/** The events the filter lists, on either engine's table (drizzle's conditions take both). */
export function auditFilterWhere(
  auditEvents: Record<'action' | 'actorUserId' | 'at' | 'id', AnyColumn>,
  filter: AuditFilter,
): SQL | undefined {
  return and(
    filter.action ? eq(auditEvents.action, filter.action) : undefined,
    filter.actorUserId ? eq(auditEvents.actorUserId, filter.actorUserId) : undefined,
    filter.actorUserIds ? inArray(auditEvents.actorUserId, filter.actorUserIds) : undefined,
    filter.from ? gte(auditEvents.at, filter.from) : undefined,
    filter.before ? lt(auditEvents.at, filter.before) : undefined,
    filter.beforeId !== undefined ? lt(auditEvents.id, filter.beforeId) : undefined,
  );
}
