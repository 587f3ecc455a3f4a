import { sql } from 'drizzle-orm';
import type { CheckedMutation, HeldReport, Rejection } from '../../features/sync/rules';
import type { AppliedMutation as AppliedRow, MaterialRef as Material } from '../push-judging';
import type { RawMutation } from '../reports-store';
import type { PgTx } from './handles';

/** What a push batch reads before judging its mutations. */
export type Preloaded = {
  /** Applied mutations by id: a retried mutation is answered, not applied again. */
  applied: Map<string, AppliedRow>;
  /** The reports the batch names, as held now. */
  held: Map<string, HeldReport>;
  /** Materials by URL key. */
  materials: Map<string, Material>;
  /** The user's approved representation documents, when a report claims one as its basis. */
  approvedDocuments: Set<string>;
};

type PreloadRow = {
  applied: AppliedRow[];
  held: (Omit<HeldReport, 'deleted'> & { id: string; deleted: boolean })[];
  materials: (Material & { urlKey: string })[];
  documents: string[];
};

/**
 * Reads everything the batch refers to in one statement, one round trip: each part is a JSON
 * array, so that four differently shaped results come back as one row. Run after the change
 * counter's lock, so that it sees every batch committed before.
 */
export async function preloadPushBatch(
  tx: PgTx,
  userId: string,
  mutations: RawMutation[],
  checked: (CheckedMutation | Rejection)[],
): Promise<Preloaded> {
  const reportIds: string[] = [];
  const urlKeys: string[] = [];
  let needsDocuments = false;
  for (const c of checked) {
    if (c.kind === 'delete') reportIds.push(c.reportId);
    if (c.kind === 'upsert') {
      reportIds.push(c.report.id);
      urlKeys.push(c.urlKey);
      needsDocuments ||= c.report.personalDataBasis !== undefined;
    }
  }
  const result = await tx.execute<PreloadRow>(sql`SELECT
    (SELECT coalesce(json_agg(json_build_object('id', a.id, 'userId', a.user_id,
        'reportId', a.report_id, 'result', a.result)), '[]')
      FROM applied_mutations a WHERE a.id = ANY(${sql.param(mutations.map((m) => m.id))}::text[])) AS applied,
    (SELECT coalesce(json_agg(json_build_object('id', r.id, 'userId', r.user_id,
        'materialId', r.material_id, 'status', m.status, 'version', r.version,
        'createdAt', r.created_at, 'deleted', r.deleted_at IS NOT NULL)), '[]')
      FROM reports r JOIN materials m ON m.id = r.material_id
      WHERE r.id = ANY(${sql.param(reportIds)}::text[])) AS held,
    (SELECT coalesce(json_agg(json_build_object('id', m.id, 'urlKey', m.url_key,
        'status', m.status)), '[]')
      FROM materials m WHERE m.url_key = ANY(${sql.param(urlKeys)}::text[])) AS materials,
    (SELECT coalesce(json_agg(d.id), '[]') FROM documents d
      WHERE ${needsDocuments}::boolean AND d.user_id = ${userId} AND d.kind = 'representation'
        AND d.status = 'approved') AS documents`);
  const row = result.rows[0]!;
  return {
    applied: new Map(row.applied.map((a) => [a.id, a])),
    held: new Map(row.held.map(({ id, ...held }) => [id, held])),
    materials: new Map(row.materials.map((m) => [m.urlKey, { id: m.id, status: m.status }])),
    approvedDocuments: new Set(row.documents),
  };
}
