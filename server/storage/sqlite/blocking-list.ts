import { and, asc, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { materialStatusChanges, materials, reports } from '../../db/schema';
import type { BlockingQuery, BlockingRow } from '../review-store';

/**
 * The blocking list on SQLite: materials in the statuses, with when they last reached their
 * status (kept only when it falls in the period), their topics, cited grounds and evidence.
 */
export function blockingListOf(db: Db, query: BlockingQuery): BlockingRow[] {
  const listed = db
    .select()
    .from(materials)
    .where(inArray(materials.status, [...query.statuses]))
    .orderBy(asc(materials.seq))
    .all();
  if (listed.length === 0) return [];
  const ids = listed.map((m) => m.id);
  const changes = db
    .select({
      materialId: materialStatusChanges.materialId,
      toStatus: materialStatusChanges.toStatus,
      at: materialStatusChanges.at,
      legalGround: materialStatusChanges.legalGround,
    })
    .from(materialStatusChanges)
    .where(inArray(materialStatusChanges.materialId, ids))
    .orderBy(asc(materialStatusChanges.id))
    .all();
  const live = db
    .select({
      materialId: reports.materialId,
      topics: reports.topics,
      evidence: reports.evidence,
      files: reports.files,
    })
    .from(reports)
    .where(and(inArray(reports.materialId, ids), isNull(reports.deletedAt)))
    .orderBy(asc(reports.createdAt))
    .all();
  const changesOf = groupBy(changes);
  const reportsOf = groupBy(live);
  const rows: BlockingRow[] = [];
  for (const m of listed) {
    const own = changesOf.get(m.id) ?? [];
    const decidedAt = own.filter((c) => c.toStatus === m.status).at(-1)?.at ?? null;
    const when = decidedAt ?? m.createdAt;
    if (query.from && when < query.from) continue;
    if (query.before && when >= query.before) continue;
    const its = reportsOf.get(m.id) ?? [];
    rows.push({
      urlKey: m.urlKey,
      url: m.url,
      title: m.title,
      status: m.status,
      firstReportedAt: m.createdAt,
      decidedAt,
      topics: its.flatMap((r) => r.topics),
      legalGrounds: own.flatMap((c) => (c.legalGround ? [c.legalGround] : [])),
      evidenceSha256: its.flatMap((r) => [
        ...(r.evidence ? [r.evidence.sha256] : []),
        ...(r.files ?? []).map((f) => f.sha256),
      ]),
    });
  }
  return rows;
}

function groupBy<T extends { materialId: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.materialId, [...(groups.get(row.materialId) ?? []), row]);
  return groups;
}
