import type Database from 'better-sqlite3';
import type { Evidence, EvidenceFile, EvidenceFileMime } from '#shared/schemas/report';
import {
  custodyFactsByMaterial,
  groupBy,
  referencedHashes,
  sealedAppends,
} from '../evidence-facts';
import type { CustodyFacts, CustodyLogRow, EvidenceStore } from '../evidence-store';
import { type Prepared, preparedOnce } from './prepared';

// A list of keys is bound as one JSON array, so one prepared statement serves any number of them.
/** What custody records of stored files: their rows and their time-stamps, by SHA-256. */
export const FILE_FACTS_SQL = {
  evidence: `SELECT sha256, mime, bytes, created_at AS createdAt FROM evidence
    WHERE sha256 IN (SELECT value FROM json_each(?))`,
  stamps: `SELECT sha256, gen_time AS genTime, token_sha256 AS tokenSha256, tsa_url AS tsaUrl
    FROM evidence_timestamps
    WHERE sha256 IN (SELECT value FROM json_each(?)) AND token_sha256 IS NOT NULL`,
};

const SQL = {
  logs: `SELECT material_id AS materialId, seq, hash, event FROM custody_events
    WHERE material_id IN (SELECT value FROM json_each(?)) ORDER BY material_id, seq`,
  // A material's reports in the order its index lists them, as when read one material at a time.
  reports: `SELECT material_id AS materialId, id, version, user_id AS userId, url,
      updated_at AS updatedAt, evidence, files FROM reports
    WHERE material_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL
    ORDER BY material_id, rowid`,
  ...FILE_FACTS_SQL,
  decisions: `SELECT material_id AS materialId, id, from_status AS fromStatus,
      to_status AS toStatus, by_user_id AS byUserId, at, comment FROM material_status_changes
    WHERE material_id IN (SELECT value FROM json_each(?)) ORDER BY material_id, id`,
  // The materials of a push's reports: one prepared statement for any number of them.
  materialsOfReports: `SELECT DISTINCT material_id AS id FROM reports
    WHERE id IN (SELECT value FROM json_each(?))`,
  append: `INSERT INTO custody_events (material_id, seq, type, at, hash, event)
    VALUES (?, ?, ?, ?, ?, ?)`,
};
type Statements = Prepared<typeof SQL>;

/** The catch-up statements of a connection, prepared once. */
const statements = preparedOnce(SQL);

type ReportRow = {
  materialId: string;
  id: string;
  version: number;
  userId: string;
  url: string;
  updatedAt: string;
  evidence: string | null;
  files: string | null;
};
/** A stored file's row and its time-stamp's, as `FILE_FACTS_SQL` reads them. */
export type EvidenceRow = {
  sha256: string;
  mime: EvidenceFileMime;
  bytes: number;
  createdAt: string;
};
export type StampRow = {
  sha256: string;
  genTime: string | null;
  tokenSha256: string;
  tsaUrl: string;
};

/** Report rows as the custody facts take them, their evidence and files decoded. */
export function liveReportsOf(rows: unknown[]) {
  return (rows as ReportRow[]).map((r) => ({
    ...r,
    evidence: r.evidence ? (JSON.parse(r.evidence) as Evidence) : null,
    files: r.files ? (JSON.parse(r.files) as EvidenceFile[]) : null,
  }));
}
type DecisionRow = CustodyFacts['decisions'][number] & { materialId: string };

/**
 * In one transaction: reads the logs of all the materials and what the database holds of them —
 * five queries for all of them rather than five per material, as a push names up to 500 — and
 * appends what `seal` makes of each material's log and facts, material by material.
 */
export function catchUpCustody(
  sqlite: Database.Database,
  materialIds: string[],
  seal: Parameters<EvidenceStore['catchUpCustody']>[1],
): number {
  const ids = [...new Set(materialIds)];
  if (ids.length === 0) return 0;
  const sql = statements(sqlite);
  const run = sqlite.transaction(() => {
    const logs = groupBy(
      sql.logs.all(JSON.stringify(ids)) as (CustodyLogRow & { materialId: string })[],
      (row) => row.materialId,
    );
    const facts = custodyFactsOfMaterials(sql, ids);
    const rows = sealedAppends(ids, logs, facts, seal);
    for (const row of rows) {
      sql.append.run(row.materialId, row.seq, row.type, row.at, row.hash, row.event);
    }
    return rows.length;
  });
  return run.immediate();
}

/** The materials of these reports. */
export function materialsOfReports(sqlite: Database.Database, reportIds: string[]): string[] {
  if (reportIds.length === 0) return [];
  const rows = statements(sqlite).materialsOfReports.all(JSON.stringify(reportIds));
  return (rows as { id: string }[]).map((row) => row.id);
}

/** What the database holds of each material that its custody log must record. */
function custodyFactsOfMaterials(sql: Statements, materialIds: string[]) {
  const keys = JSON.stringify(materialIds);
  const live = liveReportsOf(sql.reports.all(keys));
  const shas = JSON.stringify(referencedHashes(live));
  return custodyFactsByMaterial({
    materialIds,
    live,
    stored: sql.evidence.all(shas) as EvidenceRow[],
    stamps: sql.stamps.all(shas) as StampRow[],
    decisions: sql.decisions.all(keys) as DecisionRow[],
  });
}
