import { and, asc, desc, eq, gte, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { DisclosureScope } from '#shared/schemas/disclosures';
import type { Db } from '../../db/open';
import {
  consents,
  disclosureSubjects,
  disclosures,
  erasures,
  materialStatusChanges,
  materials,
  reports,
  users,
} from '../../db/schema';
import type { DisclosureStore, ScopeFacts, ScopeReporter } from '../disclosures-store';
import { insertAuditEvent } from './audit-store';

/** Disclosures on SQLite. */
export function sqliteDisclosureStore(db: Db): DisclosureStore {
  return {
    async record(scope, reportLimit, build) {
      return db.transaction(
        (tx) => {
          const { entry, answer } = build(scopeFacts(tx, scope, reportLimit));
          tx.insert(disclosures).values(entry.row).run();
          if (entry.subjects.length > 0) {
            tx.insert(disclosureSubjects)
              .values(entry.subjects.map((s) => ({ disclosureId: entry.row.id, ...s })))
              .run();
          }
          insertAuditEvent(tx, entry.audit);
          return answer;
        },
        { behavior: 'immediate' },
      );
    },

    async find(id) {
      return db.select().from(disclosures).where(eq(disclosures.id, id)).get();
    },

    async collectAgain(id, reportLimit, build) {
      return db.transaction(
        (tx) => {
          const row = tx.select().from(disclosures).where(eq(disclosures.id, id)).get();
          if (!row) return undefined;
          const { audit, answer } = build(row, scopeFacts(tx, row.scope, reportLimit));
          insertAuditEvent(tx, audit);
          return answer;
        },
        { behavior: 'immediate' },
      );
    },

    async list(after, limit, audit) {
      const rows = db
        .select()
        .from(disclosures)
        .where(
          after
            ? or(
                lt(disclosures.createdAt, after.createdAt),
                and(eq(disclosures.createdAt, after.createdAt), lt(disclosures.id, after.id)),
              )
            : undefined,
        )
        .orderBy(desc(disclosures.createdAt), desc(disclosures.id))
        .limit(limit)
        .all();
      insertAuditEvent(db, audit(rows));
      return rows;
    },
  };
}

type Tx = Pick<Db, 'select'>;

function scopeFacts(db: Tx, scope: DisclosureScope, reportLimit: number): ScopeFacts {
  const materialIds = scope.materialIds ?? [];
  const userIds = scope.userIds ?? [];
  const knownMaterials = new Set(
    materialIds.length === 0
      ? []
      : db
          .select({ id: materials.id })
          .from(materials)
          .where(inArray(materials.id, materialIds))
          .all()
          .map((r) => r.id),
  );
  const knownUsers = new Set(reportersOf(db, userIds).keys());
  const rows = reportsInScope(db, scope, reportLimit);
  return {
    unknownMaterialIds: materialIds.filter((id) => !knownMaterials.has(id)),
    unknownUserIds: userIds.filter((id) => !knownUsers.has(id)),
    reports: rows,
    reporters: reportersOf(db, [...new Set(rows.map((r) => r.userId))]),
    materials: materialsOf(db, [...new Set([...rows.map((r) => r.materialId), ...materialIds])]),
  };
}

function reportsInScope(db: Tx, scope: DisclosureScope, limit: number) {
  const where: (SQL | undefined)[] = [isNull(reports.deletedAt)];
  if (scope.materialIds) where.push(inArray(reports.materialId, scope.materialIds));
  if (scope.userIds) where.push(inArray(reports.userId, scope.userIds));
  if (scope.from) where.push(gte(reports.createdAt, scope.from));
  if (scope.to) where.push(lt(reports.createdAt, nextDay(scope.to)));
  return db
    .select()
    .from(reports)
    .where(and(...where))
    .orderBy(asc(reports.createdAt), asc(reports.id))
    .limit(limit + 1)
    .all();
}

/** The day after a `YYYY-MM-DD` day, as the same kind of string. */
function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function reportersOf(db: Tx, ids: string[]): Map<string, ScopeReporter> {
  if (ids.length === 0) return new Map();
  const found = new Map<string, ScopeReporter>();
  for (const user of db.select().from(users).where(inArray(users.id, ids)).all()) {
    const erased = db
      .select({ destroyedAt: erasures.destroyedAt })
      .from(erasures)
      .where(eq(erasures.userId, user.id))
      .get();
    const latestConsent = db
      .select()
      .from(consents)
      .where(eq(consents.userId, user.id))
      .orderBy(desc(consents.id))
      .get();
    found.set(user.id, { user, destroyed: !!erased?.destroyedAt, latestConsent });
  }
  return found;
}

function materialsOf(db: Tx, ids: string[]): ScopeFacts['materials'] {
  if (ids.length === 0) return [];
  const rows = db
    .select()
    .from(materials)
    .where(inArray(materials.id, ids))
    .orderBy(asc(materials.seq))
    .all();
  const history = db
    .select()
    .from(materialStatusChanges)
    .where(inArray(materialStatusChanges.materialId, ids))
    .orderBy(asc(materialStatusChanges.id))
    .all();
  return rows.map((material) => ({
    material,
    history: history.filter((h) => h.materialId === material.id),
  }));
}
