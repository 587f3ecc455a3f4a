import { asc, desc, eq, inArray } from 'drizzle-orm';
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
import * as scopeRows from '../disclosure-scope';
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
          await tx.insert(disclosureSubjects).values(scopeRows.subjectRows(entry));
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
      const page = scopeRows.olderThan(disclosures, after);
      const rows = await db
        .select()
        .from(disclosures)
        .where(page.where)
        .orderBy(...page.orderBy)
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
  const known =
    materialIds.length === 0
      ? []
      : await db
          .select({ id: materials.id })
          .from(materials)
          .where(inArray(materials.id, materialIds));
  const knownUsers = await reportersOf(db, scope.userIds ?? []);
  const found = scopeRows.inScope(reports, scope);
  const rows = await db
    .select()
    .from(reports)
    .where(found.where)
    .orderBy(...found.orderBy)
    .limit(reportLimit + 1);
  const ids = scopeRows.materialsToRead(scope, rows);
  return scopeRows.scopeFactsOf(scope, {
    knownMaterialIds: known.map((r) => r.id),
    knownUserIds: [...knownUsers.keys()],
    reports: rows,
    reporters: await reportersOf(db, scopeRows.reportersToRead(rows)),
    materials: ids.length === 0 ? [] : await materialsOf(db, ids),
    history: ids.length === 0 ? [] : await historyOf(db, ids),
  });
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

function materialsOf(db: PgRunner, ids: string[]) {
  return db.select().from(materials).where(inArray(materials.id, ids)).orderBy(asc(materials.seq));
}

function historyOf(db: PgRunner, ids: string[]) {
  return db
    .select()
    .from(materialStatusChanges)
    .where(inArray(materialStatusChanges.materialId, ids))
    .orderBy(asc(materialStatusChanges.id));
}
