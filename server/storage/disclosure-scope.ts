import {
  type AnyColumn,
  and,
  asc,
  desc,
  eq,
  gte,
  inArray,
  isNull,
  lt,
  or,
  type SQL,
} from 'drizzle-orm';
import type { DisclosureScope } from '#shared/schemas/disclosures';
import type { DisclosureEntry, ScopeFacts } from './disclosures-store';
import type { MaterialRecord, ReportRecord, StatusChangeRecord } from './review-store';

// What the disclosures store reads of a scope and makes of its rows, written once with drizzle's
// dialect-neutral builders over either engine's tables; each engine runs the statements in its own
// transaction (SQLite's one writer, PostgreSQL's one snapshot).

type Col = AnyColumn;

/** Whose reports a disclosure holds, as rows of its subjects' table. */
export const subjectRows = (entry: DisclosureEntry) =>
  entry.subjects.map((s) => ({ disclosureId: entry.row.id, ...s }));

/** The records older than the cursor, newest first (a page of the list). */
export function olderThan(
  disclosures: { createdAt: Col; id: Col },
  after: { createdAt: string; id: string } | undefined,
) {
  const { createdAt, id } = disclosures;
  return {
    where: after
      ? or(lt(createdAt, after.createdAt), and(eq(createdAt, after.createdAt), lt(id, after.id)))
      : undefined,
    orderBy: [desc(createdAt), desc(id)],
  };
}

/** The live reports matching every criterion of the scope, oldest first. */
export function inScope(
  reports: { deletedAt: Col; materialId: Col; userId: Col; createdAt: Col; id: Col },
  scope: DisclosureScope,
) {
  const where: (SQL | undefined)[] = [isNull(reports.deletedAt)];
  if (scope.materialIds) where.push(inArray(reports.materialId, scope.materialIds));
  if (scope.userIds) where.push(inArray(reports.userId, scope.userIds));
  if (scope.from) where.push(gte(reports.createdAt, scope.from));
  if (scope.to) where.push(lt(reports.createdAt, nextDay(scope.to)));
  return { where: and(...where), orderBy: [asc(reports.createdAt), asc(reports.id)] };
}

/** The day after a `YYYY-MM-DD` day, as the same kind of string. */
function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** What an engine read of a scope, in the order it reads it. */
export type ScopeReads = {
  /** Of the scope's named materials and users, those that exist. */
  knownMaterialIds: string[];
  knownUserIds: string[];
  reports: ReportRecord[];
  reporters: ScopeFacts['reporters'];
  materials: MaterialRecord[];
  /** The materials' status changes, oldest first. */
  history: StatusChangeRecord[];
};

/** Whose reporters to read: the authors of the scope's reports. */
export const reportersToRead = (rows: ReportRecord[]) => [...new Set(rows.map((r) => r.userId))];

/** Which materials to read: the scope's named ones and those of its reports. */
export const materialsToRead = (scope: DisclosureScope, rows: ReportRecord[]) => [
  ...new Set([...rows.map((r) => r.materialId), ...(scope.materialIds ?? [])]),
];

/** The scope's facts from what an engine read. */
export function scopeFactsOf(scope: DisclosureScope, reads: ScopeReads): ScopeFacts {
  const knownMaterials = new Set(reads.knownMaterialIds);
  const knownUsers = new Set(reads.knownUserIds);
  return {
    unknownMaterialIds: (scope.materialIds ?? []).filter((id) => !knownMaterials.has(id)),
    unknownUserIds: (scope.userIds ?? []).filter((id) => !knownUsers.has(id)),
    reports: reads.reports,
    reporters: reads.reporters,
    materials: reads.materials.map((material) => ({
      material,
      history: reads.history.filter((h) => h.materialId === material.id),
    })),
  };
}
