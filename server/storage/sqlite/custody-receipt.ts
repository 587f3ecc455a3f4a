import type Database from 'better-sqlite3';
import { receiptLogs, receivedKeys } from '../custody-receipt';
import { custodyFactsByMaterial, referencedHashes, sealedAppends } from '../evidence-facts';
import type { CustodyLogRow, EvidenceStore, ReceivedVersion } from '../evidence-store';
import { type EvidenceRow, FILE_FACTS_SQL, liveReportsOf, type StampRow } from './custody-catch-up';
import { preparedOnce } from './prepared';

// A list of keys is bound as one JSON array, so one prepared statement serves any number of them.
const SQL = {
  // The versions still live, in their material's report order (as the full catch-up reads it).
  received: `SELECT r.material_id AS materialId, r.id, r.version, r.user_id AS userId, r.url,
      r.updated_at AS updatedAt, r.evidence, r.files
    FROM json_each(?) k JOIN reports r
      ON r.id = k.value ->> '$.id' AND r.version = k.value ->> '$.version'
    WHERE r.deleted_at IS NULL
    ORDER BY r.material_id, r.rowid`,
  // Each log's last event, found through the primary key rather than by reading the log.
  heads: `SELECT c.material_id AS materialId, c.seq, c.hash, c.event
    FROM json_each(?) m JOIN custody_events c ON c.material_id = m.value
    WHERE c.seq = (SELECT seq FROM custody_events WHERE material_id = m.value
      ORDER BY seq DESC LIMIT 1)`,
  // The events already logged of these reports or files, so that a retried or raced receipt
  // records nothing twice. The unary `+` keeps SQLite on the primary key (the material's log)
  // rather than the type index (every material's events of that type).
  logged: `SELECT material_id AS materialId, seq, hash, event FROM custody_events
    WHERE material_id IN (SELECT value FROM json_each(?))
      AND +type IN ('report_received', 'evidence_received', 'time_stamped')
      AND (event ->> '$.reportId' IN (SELECT value FROM json_each(?))
        OR event ->> '$.sha256' IN (SELECT value FROM json_each(?)))`,
  ...FILE_FACTS_SQL,
  append: `INSERT INTO custody_events (material_id, seq, type, at, hash, event)
    VALUES (?, ?, ?, ?, ?, ?)`,
};
const statements = preparedOnce(SQL);

type MaterialLogRow = CustodyLogRow & { materialId: string };

/**
 * In one immediate transaction: reads the received versions still live, each material's last
 * event, the listed files' rows, and the events already logged of those reports and files, then
 * appends what `seal` makes of them. No whole log is parsed, and no report the push did not
 * touch is read.
 */
export function recordReceipt(
  sqlite: Database.Database,
  received: ReceivedVersion[],
  seal: Parameters<EvidenceStore['catchUpCustody']>[1],
): number {
  if (received.length === 0) return 0;
  const sql = statements(sqlite);
  const keys = receivedKeys(received);
  const run = sqlite.transaction(() => {
    const live = liveReportsOf(sql.received.all(keys));
    const ids = [...new Set(live.map((r) => r.materialId))];
    if (ids.length === 0) return 0;
    const materials = JSON.stringify(ids);
    const heads = sql.heads.all(materials) as MaterialLogRow[];
    const hashes = referencedHashes(live);
    const shas = JSON.stringify(hashes);
    const stored = hashes.length > 0 ? (sql.evidence.all(shas) as EvidenceRow[]) : [];
    const stamps = hashes.length > 0 ? (sql.stamps.all(shas) as StampRow[]) : [];
    const reportIds = JSON.stringify(live.map((r) => r.id));
    const logged = sql.logged.all(materials, reportIds, shas) as MaterialLogRow[];
    const facts = custodyFactsByMaterial({ materialIds: ids, live, stored, stamps, decisions: [] });
    const rows = sealedAppends(ids, receiptLogs(heads, logged), facts, seal);
    for (const row of rows) {
      sql.append.run(row.materialId, row.seq, row.type, row.at, row.hash, row.event);
    }
    return rows.length;
  });
  return run.immediate();
}
