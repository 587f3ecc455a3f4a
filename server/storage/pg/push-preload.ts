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
 * Each key of a list, as rows `k(key)` to look up one at a time. A lateral look-up with `LIMIT 1`
 * is an index probe per key whatever the planner estimates; `= ANY(list)` with a push's 500 keys
 * was planned as a scan of each whole table for as long as the planner judged that cheaper (at
 * 10 000 reports, 15 ms a push for the three tables, against about 8 ms of probes), and that under
 * the change counter's lock, which every push waits for.
 */
const eachKey = (keys: string[]) => sql`unnest(${sql.param(keys)}::text[]) AS k(key)`;

/** The keys a push batch's preload looks up. */
export type PreloadKeys = {
  userId: string;
  mutationIds: string[];
  reportIds: string[];
  urlKeys: string[];
  /** Whether a report of the batch claims a representation document (only then are they read). */
  claimsDocument: boolean;
};

/**
 * The preload in one statement, one round trip: each part is a JSON array, so that four
 * differently shaped results come back as one row.
 */
export function preloadQuery({
  userId,
  mutationIds,
  reportIds,
  urlKeys,
  claimsDocument,
}: PreloadKeys) {
  return sql`SELECT
    (SELECT coalesce(json_agg(json_build_object('id', a.id, 'userId', a.user_id,
        'reportId', a.report_id, 'result', a.result)), '[]')
      FROM ${eachKey(mutationIds)}
      CROSS JOIN LATERAL (SELECT id, user_id, report_id, result FROM applied_mutations
        WHERE id = k.key LIMIT 1) a) AS applied,
    (SELECT coalesce(json_agg(json_build_object('id', r.id, 'userId', r.user_id,
        'materialId', r.material_id, 'status', r.status, 'version', r.version,
        'createdAt', r.created_at, 'deleted', r.deleted_at IS NOT NULL)), '[]')
      FROM ${eachKey(reportIds)}
      CROSS JOIN LATERAL (SELECT r.id, r.user_id, r.material_id, m.status, r.version,
          r.created_at, r.deleted_at
        FROM reports r JOIN materials m ON m.id = r.material_id WHERE r.id = k.key LIMIT 1) r) AS held,
    (SELECT coalesce(json_agg(json_build_object('id', m.id, 'urlKey', m.url_key,
        'status', m.status)), '[]')
      FROM ${eachKey(urlKeys)}
      CROSS JOIN LATERAL (SELECT id, url_key, status FROM materials
        WHERE url_key = k.key LIMIT 1) m) AS materials,
    (SELECT coalesce(json_agg(d.id), '[]') FROM documents d
      WHERE ${claimsDocument}::boolean AND d.user_id = ${userId} AND d.kind = 'representation'
        AND d.status = 'approved') AS documents`;
}

/**
 * Reads everything the batch refers to (applied mutation ids, the reports it names as held now,
 * materials by URL key, approved representation documents). Run after the change counter's lock,
 * so that it sees every batch committed before.
 */
export async function preloadPushBatch(
  tx: PgTx,
  userId: string,
  mutations: RawMutation[],
  checked: (CheckedMutation | Rejection)[],
): Promise<PushState> {
  const keys = referencedKeys(checked);
  const mutationIds = mutations.map((m) => m.id);
  const result = await tx.execute<PreloadRow>(preloadQuery({ userId, mutationIds, ...keys }));
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
