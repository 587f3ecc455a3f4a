import {
  type AnyColumn,
  and,
  asc,
  count,
  inArray,
  isNull,
  type SQL,
  sql,
  type Table,
} from 'drizzle-orm';
import { pick } from './columns';
import { hashesByMaterial } from './evidence-facts';
import type {
  NoticeMaterialRecord,
  NoticeRecord,
  NoticeUpdate,
  NoticeUpdateOutcome,
  RecipientRecord,
} from './notices-store';

// The notices' rows, conditions and projections, written once with drizzle's dialect-neutral
// builders over either engine's tables; each engine runs them in its own statements and
// transactions (and PostgreSQL adds its row locks).

type Col = AnyColumn;

/** What a saved recipient replaces of an existing one: everything but its id and creation. */
export function recipientChanges(row: RecipientRecord) {
  const { id: _, createdAt: __, ...changes } = row;
  return changes;
}

/** The notice's materials in the order given, and the ids of those that do not exist. */
export function noticeMaterialRows(
  notice: Pick<NoticeRecord, 'id'>,
  materialIds: string[],
  found: { id: string }[],
) {
  const known = new Set(found.map((m) => m.id));
  const unknown = materialIds.filter((id) => !known.has(id));
  const rows = materialIds.map((materialId, position) => ({
    noticeId: notice.id,
    materialId,
    position,
  }));
  return { unknown, rows };
}

/** A material as a notice lists it (its evidence is read apart). */
export const listedColumns = <M extends Record<'id' | 'url' | 'title' | 'status', Col>>(
  materials: M,
) => pick(materials, ['id', 'url', 'title', 'status'] as const);

/** A notice's responses, oldest first. */
export const responsesOrder = (responses: { at: Col; id: Col }) => [
  asc(responses.at),
  asc(responses.id),
];

type NoticeMaterialsTable = Table & { noticeId: Col; materialId: Col };

/** A notice in a list: the notice, who it went to, and how many materials it lists. */
export function noticeListColumns<N, R extends Record<'id' | 'name' | 'type', Col>>(tables: {
  notices: N;
  noticeRecipients: R;
  noticeMaterials: NoticeMaterialsTable;
}) {
  const { noticeRecipients: r, noticeMaterials } = tables;
  return {
    notice: tables.notices,
    recipient: pick(r, ['id', 'name', 'type'] as const),
    materialCount: count(noticeMaterials.materialId),
  };
}

/** Only the notices listing the material, when one is named. */
export function listingMaterial(
  { notices, noticeMaterials }: { notices: { id: Col }; noticeMaterials: NoticeMaterialsTable },
  materialId: string | undefined,
): SQL | undefined {
  if (materialId === undefined) return undefined;
  return sql`exists (select 1 from ${noticeMaterials} where ${noticeMaterials.noticeId} = ${notices.id} and ${noticeMaterials.materialId} = ${materialId})`;
}

/** Why a notice's status change is refused, from its status as read in the change's transaction. */
export function noticeRefusal(
  update: NoticeUpdate,
  row: { status: NoticeRecord['status'] } | undefined,
): NoticeUpdateOutcome | undefined {
  if (!row) return { kind: 'not_found' };
  if (!update.from.includes(row.status)) return { kind: 'not_allowed', from: row.status };
  return undefined;
}

/** The listed materials' live reports, oldest first: where their evidence hashes are read. */
export function liveReportsOf(
  reports: { materialId: Col; deletedAt: Col; createdAt: Col; id: Col },
  listed: { id: string }[],
) {
  return {
    where: and(
      inArray(
        reports.materialId,
        listed.map((m) => m.id),
      ),
      isNull(reports.deletedAt),
    ),
    orderBy: [asc(reports.createdAt), asc(reports.id)],
  };
}

/** The listed materials, each with the SHA-256 of its live reports' evidence, without repeats. */
export function withEvidence(
  listed: Omit<NoticeMaterialRecord, 'evidenceSha256'>[],
  rows: Parameters<typeof hashesByMaterial>[0],
): NoticeMaterialRecord[] {
  const hashes = hashesByMaterial(rows);
  return listed.map((m) => ({ ...m, evidenceSha256: hashes.get(m.id) ?? [] }));
}
