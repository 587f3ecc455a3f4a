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
} from '../../db/schema';
import * as scopeRows from '../disclosure-scope';
import type { DisclosureStore, ScopeFacts, ScopeReporter } from '../disclosures-store';
import { insertAuditEvent } from './audit-store';
import type { Db } from './handles';

/** Disclosures on SQLite. */
export function sqliteDisclosureStore(db: Db): DisclosureStore {
  return {
    async record(scope, reportLimit, build) {
      return db.transaction(
        (tx) => {
          const { entry, answer } = build(scopeFacts(tx, scope, reportLimit));
          tx.insert(disclosures).values(entry.row).run();
          if (entry.subjects.length > 0) {
            tx.insert(disclosureSubjects).values(scopeRows.subjectRows(entry)).run();
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
      const page = scopeRows.olderThan(disclosures, after);
      const rows = db
        .select()
        .from(disclosures)
        .where(page.where)
        .orderBy(...page.orderBy)
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
  const known =
    materialIds.length === 0
      ? []
      : db
          .select({ id: materials.id })
          .from(materials)
          .where(inArray(materials.id, materialIds))
          .all();
  const knownUsers = reportersOf(db, scope.userIds ?? []);
  const found = scopeRows.inScope(reports, scope);
  const rows = db
    .select()
    .from(reports)
    .where(found.where)
    .orderBy(...found.orderBy)
    .limit(reportLimit + 1)
    .all();
  const ids = scopeRows.materialsToRead(scope, rows);
  return scopeRows.scopeFactsOf(scope, {
    knownMaterialIds: known.map((r) => r.id),
    knownUserIds: [...knownUsers.keys()],
    reports: rows,
    reporters: reportersOf(db, scopeRows.reportersToRead(rows)),
    materials: ids.length === 0 ? [] : materialsOf(db, ids),
    history: ids.length === 0 ? [] : historyOf(db, ids),
  });
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

function materialsOf(db: Tx, ids: string[]) {
  return db
    .select()
    .from(materials)
    .where(inArray(materials.id, ids))
    .orderBy(asc(materials.seq))
    .all();
}

function historyOf(db: Tx, ids: string[]) {
  return db
    .select()
    .from(materialStatusChanges)
    .where(inArray(materialStatusChanges.materialId, ids))
    .orderBy(asc(materialStatusChanges.id))
    .all();
}
