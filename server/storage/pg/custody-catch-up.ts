import { sql } from 'drizzle-orm';
import { custodyFactsByMaterial, groupBy, sealedAppends } from '../evidence-facts';
import type { CustodyFacts, CustodyLogRow, EvidenceStore } from '../evidence-store';
import { insertCustodyEvents } from './custody-append';
import type { PgDb, PgTx } from './handles';

// The class of the advisory locks that keep one material's custody log a single chain.
const CUSTODY_LOCK = 0x637573; // 'cus'

/**
 * In one transaction: locks the materials' logs, reads them and what the database holds of the
 * materials — one statement for all of them, as a push names up to 500 — and appends what `seal`
 * makes of each material's log and facts.
 */
export async function catchUpCustody(
  db: PgDb,
  materialIds: string[],
  seal: Parameters<EvidenceStore['catchUpCustody']>[1],
): Promise<number> {
  const ids = [...new Set(materialIds)].sort();
  if (ids.length === 0) return 0;
  return db.transaction(async (tx) => {
    // One appender per material at a time, on any replica: the logs are read after the locks
    // (each statement sees what committed before it), so a second appender continues the chain
    // from the first one's last event instead of forking it. The locks are taken in one order
    // (the array's, which a function scan keeps), so two pushes naming the same materials never
    // wait on each other in a ring.
    await lockCustodyLogs(tx, ids);
    const { logs, facts } = await readCustody(tx, ids);
    const rows = sealedAppends(ids, logs, facts, seal);
    if (rows.length > 0) await tx.execute(insertCustodyEvents(rows));
    return rows.length;
  });
}

/** Takes the advisory locks of these materials' logs (`ids` sorted), held until the transaction ends. */
export async function lockCustodyLogs(tx: PgTx, ids: string[]) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CUSTODY_LOCK}, hashtext(id))
    FROM jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb) AS id`);
}

type CustodyRead = Omit<Parameters<typeof custodyFactsByMaterial>[0], 'materialIds'> & {
  logs: (CustodyLogRow & { materialId: string })[];
};

/**
 * The materials' logs and what the database holds of them that a log must record, in one
 * statement (one round trip): each part a JSON array of one row. The files are those the live
 * reports list, as `referencedHashes` reads them; the facts keep those of each material.
 */
async function readCustody(
  tx: PgTx,
  ids: string[],
): Promise<{
  logs: Map<string, (CustodyLogRow & { materialId: string })[]>;
  facts: Map<string, CustodyFacts>;
}> {
  const result = await tx.execute<CustodyRead>(sql`WITH
    live AS (SELECT * FROM reports
      WHERE material_id = ANY(${sql.param(ids)}::text[]) AND deleted_at IS NULL),
    shas AS (SELECT evidence->>'sha256' AS sha FROM live WHERE evidence IS NOT NULL
      UNION SELECT f->>'sha256' FROM live, jsonb_array_elements(
        CASE WHEN jsonb_typeof(files) = 'array' THEN files ELSE '[]'::jsonb END) f)
    SELECT
    (SELECT coalesce(json_agg(json_build_object('materialId', c.material_id, 'seq', c.seq,
        'hash', c.hash, 'event', c.event) ORDER BY c.material_id, c.seq), '[]')
      FROM custody_events c WHERE c.material_id = ANY(${sql.param(ids)}::text[])) AS logs,
    (SELECT coalesce(json_agg(json_build_object('materialId', l.material_id, 'id', l.id,
        'version', l.version, 'userId', l.user_id, 'url', l.url, 'updatedAt', l.updated_at,
        'evidence', l.evidence, 'files', l.files) ORDER BY l.material_id, l.created_at, l.id), '[]')
      FROM live l) AS live,
    (SELECT coalesce(json_agg(json_build_object('sha256', e.sha256, 'mime', e.mime,
        'bytes', e.bytes, 'createdAt', e.created_at)), '[]')
      FROM evidence e WHERE e.sha256 IN (SELECT sha FROM shas)) AS stored,
    (SELECT coalesce(json_agg(json_build_object('sha256', t.sha256, 'genTime', t.gen_time,
        'tokenSha256', t.token_sha256, 'tsaUrl', t.tsa_url)), '[]')
      FROM evidence_timestamps t
      WHERE t.sha256 IN (SELECT sha FROM shas) AND t.token_sha256 IS NOT NULL) AS stamps,
    (SELECT coalesce(json_agg(json_build_object('materialId', d.material_id, 'id', d.id,
        'fromStatus', d.from_status, 'toStatus', d.to_status, 'byUserId', d.by_user_id,
        'at', d.at, 'comment', d.comment) ORDER BY d.material_id, d.id), '[]')
      FROM material_status_changes d WHERE d.material_id = ANY(${sql.param(ids)}::text[]))
      AS decisions`);
  const read = result.rows[0]!;
  return {
    logs: groupBy(read.logs, (row) => row.materialId),
    facts: custodyFactsByMaterial({ materialIds: ids, ...read }),
  };
}
