import { sql } from 'drizzle-orm';
import { receiptLogs, receivedKeys } from '../custody-receipt';
import { custodyFactsByMaterial, referencedHashes, sealedAppends } from '../evidence-facts';
import type { CustodyLogRow, EvidenceStore, ReceivedVersion } from '../evidence-store';
import { insertCustodyEvents } from './custody-append';
import { lockCustodyLogs } from './custody-catch-up';
import type { PgDb, PgTx } from './handles';

type Live = Parameters<typeof custodyFactsByMaterial>[0]['live'];
type FileRows = Omit<Parameters<typeof custodyFactsByMaterial>[0], 'materialIds' | 'live'>;
type MaterialLogRow = CustodyLogRow & { materialId: string };

/**
 * In one transaction: reads the received versions still live, locks their materials' logs as the
 * full catch-up does, then reads in one statement each log's last event, the listed files' rows
 * and the events already logged of those reports and files, and appends what `seal` makes of
 * them. No whole log is read, and no report the push did not touch.
 */
export async function recordReceipt(
  db: PgDb,
  received: ReceivedVersion[],
  seal: Parameters<EvidenceStore['catchUpCustody']>[1],
): Promise<number> {
  if (received.length === 0) return 0;
  return db.transaction(async (tx) => {
    const live = await readReceived(tx, received);
    const ids = [...new Set(live.map((r) => r.materialId))].sort();
    if (ids.length === 0) return 0;
    await lockCustodyLogs(tx, ids);
    const { heads, logged, ...files } = await readLogEnds(tx, ids, live);
    const facts = custodyFactsByMaterial({ materialIds: ids, live, ...files, decisions: [] });
    const rows = sealedAppends(ids, receiptLogs(heads, logged), facts, seal);
    if (rows.length > 0) await tx.execute(insertCustodyEvents(rows));
    return rows.length;
  });
}

/** The received versions still live, in their material's report order (as the catch-up reads it). */
async function readReceived(tx: PgTx, received: ReceivedVersion[]): Promise<Live> {
  const result = await tx.execute<{ live: Live }>(sql`SELECT
    coalesce(json_agg(json_build_object('materialId', l.material_id, 'id', l.id,
        'version', l.version, 'userId', l.user_id, 'url', l.url, 'updatedAt', l.updated_at,
        'evidence', l.evidence, 'files', l.files) ORDER BY l.material_id, l.created_at, l.id), '[]')
      AS live
    FROM jsonb_to_recordset(${receivedKeys(received)}::jsonb) AS k(id text, version integer)
    JOIN reports l ON l.id = k.id AND l.version = k.version
    WHERE l.deleted_at IS NULL`);
  return result.rows[0]!.live;
}

/**
 * Each log's last event (through the primary key), the listed files' rows, and the events already
 * logged of these reports and files, so that a retried or raced receipt records nothing twice.
 */
async function readLogEnds(
  tx: PgTx,
  ids: string[],
  live: Live,
): Promise<FileRows & { heads: MaterialLogRow[]; logged: MaterialLogRow[] }> {
  const materials = sql`${sql.param(ids)}::text[]`;
  const shas = sql`(SELECT jsonb_array_elements_text(${JSON.stringify(referencedHashes(live))}::jsonb))`;
  const reportIds = sql`${sql.param(live.map((r) => r.id))}::text[]`;
  const result = await tx.execute<FileRows & { heads: MaterialLogRow[]; logged: MaterialLogRow[] }>(
    sql`SELECT
    (SELECT coalesce(json_agg(json_build_object('materialId', c.material_id, 'seq', c.seq,
        'hash', c.hash, 'event', c.event)), '[]')
      FROM unnest(${materials}) AS m(id)
      CROSS JOIN LATERAL (SELECT * FROM custody_events
        WHERE material_id = m.id ORDER BY seq DESC LIMIT 1) c) AS heads,
    (SELECT coalesce(json_agg(json_build_object('materialId', c.material_id, 'seq', c.seq,
        'hash', c.hash, 'event', c.event)), '[]')
      FROM custody_events c WHERE c.material_id = ANY(${materials})
        AND c.type IN ('report_received', 'evidence_received', 'time_stamped')
        AND (c.event::json ->> 'reportId' = ANY(${reportIds})
          OR c.event::json ->> 'sha256' IN ${shas})) AS logged,
    (SELECT coalesce(json_agg(json_build_object('sha256', e.sha256, 'mime', e.mime,
        'bytes', e.bytes, 'createdAt', e.created_at)), '[]')
      FROM evidence e WHERE e.sha256 IN ${shas}) AS stored,
    (SELECT coalesce(json_agg(json_build_object('sha256', t.sha256, 'genTime', t.gen_time,
        'tokenSha256', t.token_sha256, 'tsaUrl', t.tsa_url)), '[]')
      FROM evidence_timestamps t
      WHERE t.sha256 IN ${shas} AND t.token_sha256 IS NOT NULL) AS stamps`,
  );
  return result.rows[0]!;
}
