import { and, asc, desc, eq, gte, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { DisclosureScope } from '#shared/schemas/disclosures';
import {
  consents,
  disclosureSubjects,
  disclosures,
  erasures,
  materialStatusChanges,
  materials,
  reports,
  users,
} from '../../db/pg-schema';
import type { DisclosureStore, ScopeFacts, ScopeReporter } from '../disclosures-store';
import { insertAuditEvent } from './audit-store';
import type { PgDb, PgRunner } from './handles';

// The scope's facts are read from one snapshot, as SQLite's one writer reads them: what is recorded
// as disclosed is exactly what was read, whatever pushes commit meanwhile.
const ONE_SNAPSHOT = { isolationLevel: 'repeatable read' } as const;

/** Disclosures on PostgreSQL. */
export function pgDisclosureStore(db: PgDb): DisclosureStore {
  return {
    async record(scope, reportLimit, build) {
      return db.transaction(async (tx) => {
        const { entry, answer } = build(await scopeFacts(tx, scope, reportLimit));
        await tx.insert(disclosures).values(entry.row);
        if (entry.subjects.length > 0) {
          await tx
            .insert(disclosureSubjects)
            .values(entry.subjects.map((s) => ({ disclosureId: entry.row.id, ...s })));
        }
        await insertAuditEvent(tx, entry.audit);
        return answer;
      }, ONE_SNAPSHOT);
    },

    async find(id) {
      const [row] = await db.select().from(disclosures).where(eq(disclosures.id, id));
      return row;
    },

    async collectAgain(id, reportLimit, build) {
      return db.transaction(async (tx) => {
        const [row] = await tx.select().from(disclosures).where(eq(disclosures.id, id));
        if (!row) return undefined;
        const { audit, answer } = build(row, await scopeFacts(tx, row.scope, reportLimit));
        await insertAuditEvent(tx, audit);
        return answer;
      }, ONE_SNAPSHOT);
    },

    async list(after, limit, audit) {
      const rows = await db
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
        .limit(limit);
      await insertAuditEvent(db, audit(rows));
      return rows;
    },
  };
}

async function scopeFacts(
  db: PgRunner,
  scope: DisclosureScope,
  reportLimit: number,
): Promise<ScopeFacts> {
  const materialIds = scope.materialIds ?? [];
  const userIds = scope.userIds ?? [];
  const known =
    materialIds.length === 0
      ? []
      : await db
          .select({ id: materials.id })
          .from(materials)
          .where(inArray(materials.id, materialIds));
  const knownMaterials = new Set(known.map((r) => r.id));
  const knownUsers = new Set((await reportersOf(db, userIds)).keys());
  const rows = await reportsInScope(db, scope, reportLimit);
  return {
    unknownMaterialIds: materialIds.filter((id) => !knownMaterials.has(id)),
    unknownUserIds: userIds.filter((id) => !knownUsers.has(id)),
    reports: rows,
    reporters: await reportersOf(db, [...new Set(rows.map((r) => r.userId))]),
    materials: await materialsOf(db, [
      ...new Set([...rows.map((r) => r.materialId), ...materialIds]),
    ]),
  };
}

function reportsInScope(db: PgRunner, scope: DisclosureScope, limit: number) {
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
    .limit(limit + 1);
}

/** The day after a `YYYY-MM-DD` day, as the same kind of string. */
function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

async function reportersOf(db: PgRunner, ids: string[]): Promise<Map<string, ScopeReporter>> {
  if (ids.length === 0) return new Map();
  const found = new Map<string, ScopeReporter>();
  for (const user of await db.select().from(users).where(inArray(users.id, ids))) {
    const [erased] = await db
      .select({ destroyedAt: erasures.destroyedAt })
      .from(erasures)
      .where(eq(erasures.userId, user.id));
    const [latestConsent] = await db
      .select()
      .from(consents)
      .where(eq(consents.userId, user.id))
      .orderBy(desc(consents.id))
      .limit(1);
    found.set(user.id, { user, destroyed: !!erased?.destroyedAt, latestConsent });
  }
  return found;
}

async function materialsOf(db: PgRunner, ids: string[]): Promise<ScopeFacts['materials']> {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(materials)
    .where(inArray(materials.id, ids))
    .orderBy(asc(materials.seq));
  const history = await db
    .select()
    .from(materialStatusChanges)
    .where(inArray(materialStatusChanges.materialId, ids))
    .orderBy(asc(materialStatusChanges.id));
  return rows.map((material) => ({
    material,
    history: history.filter((h) => h.materialId === material.id),
  }));
}
