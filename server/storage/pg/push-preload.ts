import { sql } from 'drizzle-orm';
import type { CheckedMutation, HeldReport, Rejection } from '../../features/sync/rules';
import {
  type AppliedMutation as AppliedRow,
  type MaterialRef as Material,
  type PushState,
  referencedKeys,
} from '../push-state';
import type { RawMutation } from '../reports-store';
import type { PgTx } from './handles';

type PreloadRow = {
  applied: AppliedRow[];
  held: (Omit<HeldReport, 'deleted'> & { id: string; deleted: boolean })[];
  materials: (Material & { urlKey: string })[];
  documents: string[];
};

/**
 * Reads everything the batch refers to (applied mutation ids, the reports it names as held now,
 * materials by URL key, approved representation documents) in one statement, one round trip:
 * each part is a JSON array, so that four differently shaped results come back as one row. Run
 * after the change counter's lock, so that it sees every batch committed before.
 */
export async function preloadPushBatch(
  tx: PgTx,
  userId: string,
  mutations: RawMutation[],
  checked: (CheckedMutation | Rejection)[],
): Promise<PushState> {
  const { reportIds, urlKeys, claimsDocument } = referencedKeys(checked);
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
      WHERE ${claimsDocument}::boolean AND d.user_id = ${userId} AND d.kind = 'representation'
        AND d.status = 'approved') AS documents`);
  const row = result.rows[0]!;
  const approved = new Set(row.documents);
  return {
    applied: new Map(row.applied.map((a) => [a.id, a])),
    held: new Map(row.held.map(({ id, ...held }) => [id, held])),
    materials: new Map(row.materials.map((m) => [m.urlKey, { id: m.id, status: m.status }])),
    // The user's approved representation documents, read only when a report claims one.
    isApprovedRepresentation: (documentId) => approved.has(documentId),
  };
}
