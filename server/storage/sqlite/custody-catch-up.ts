import type Database from 'better-sqlite3';
import type { EvidenceFileMime } from '#shared/schemas/report';
import type { CustodyFacts, CustodyLogRow, EvidenceStore } from '../evidence-store';

// A list of keys is bound as one JSON array, so one prepared statement serves any number of them.
const SQL = {
  logs: `SELECT material_id AS materialId, seq, hash, event FROM custody_events
    WHERE material_id IN (SELECT value FROM json_each(?)) ORDER BY material_id, seq`,
  // A material's reports in the order its index lists them, as when read one material at a time.
  reports: `SELECT material_id AS materialId, id, version, user_id AS userId, url,
      updated_at AS updatedAt, evidence, files FROM reports
    WHERE material_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL
    ORDER BY material_id, rowid`,
  evidence: `SELECT sha256, mime, bytes, created_at AS createdAt FROM evidence
    WHERE sha256 IN (SELECT value FROM json_each(?))`,
  stamps: `SELECT sha256, gen_time AS genTime, token_sha256 AS tokenSha256, tsa_url AS tsaUrl
    FROM evidence_timestamps
    WHERE sha256 IN (SELECT value FROM json_each(?)) AND token_sha256 IS NOT NULL`,
  decisions: `SELECT material_id AS materialId, id, from_status AS fromStatus,
      to_status AS toStatus, by_user_id AS byUserId, at, comment FROM material_status_changes
    WHERE material_id IN (SELECT value FROM json_each(?)) ORDER BY material_id, id`,
  append: `INSERT INTO custody_events (material_id, seq, type, at, hash, event)
    VALUES (?, ?, ?, ?, ?, ?)`,
};
type Statements = { [K in keyof typeof SQL]: Database.Statement };

const cache = new WeakMap<Database.Database, Statements>();

/** The catch-up statements of a connection, prepared once. */
function statements(sqlite: Database.Database): Statements {
  let prepared = cache.get(sqlite);
  if (!prepared) {
    prepared = Object.fromEntries(
      Object.entries(SQL).map(([name, text]) => [name, sqlite.prepare(text)]),
    ) as Statements;
    cache.set(sqlite, prepared);
  }
  return prepared;
}

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
type EvidenceRow = { sha256: string; mime: EvidenceFileMime; bytes: number; createdAt: string };
type StampRow = { sha256: string; genTime: string | null; tokenSha256: string; tsaUrl: string };
type DecisionRow = CustodyFacts['decisions'][number] & { materialId: string };

/** Rows grouped by `key`, each group in the order the rows came. */
function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

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
    const facts = custodyFactsOf(sql, ids);
    let appended = 0;
    for (const materialId of ids) {
      const log = (logs.get(materialId) ?? []).map(({ seq, hash, event }) => ({
        seq,
        hash,
        event,
      }));
      for (const event of seal(log, facts.get(materialId)!)) {
        sql.append.run(
          materialId,
          event.seq,
          event.type,
          event.at,
          event.hash,
          JSON.stringify(event),
        );
        appended++;
      }
    }
    return appended;
  });
  return run.immediate();
}

/** The files a report refers to: its single `evidence`, then its `files`. */
function filesOf(row: ReportRow): string[] {
  const single = row.evidence ? [(JSON.parse(row.evidence) as { sha256: string }).sha256] : [];
  const listed = row.files ? (JSON.parse(row.files) as { sha256: string }[]) : [];
  return [...single, ...listed.map((f) => f.sha256)];
}

/** What the database holds of each material that its custody log must record. */
function custodyFactsOf(sql: Statements, materialIds: string[]): Map<string, CustodyFacts> {
  const keys = JSON.stringify(materialIds);
  const referenced = new Set<string>();
  const reportsOf = groupBy(
    (sql.reports.all(keys) as ReportRow[]).map((r) => {
      const files = filesOf(r);
      for (const sha of files) referenced.add(sha);
      const { materialId, id, version, userId, url, updatedAt } = r;
      return { materialId, facts: { id, version, userId, url, updatedAt, files } };
    }),
    (r) => r.materialId,
  );
  const shas = JSON.stringify([...referenced]);
  const stored = new Map(
    (sql.evidence.all(shas) as EvidenceRow[]).map((e) => [e.sha256, e] as const),
  );
  const stamps = new Map((sql.stamps.all(shas) as StampRow[]).map((s) => [s.sha256, s] as const));
  const decisionsOf = groupBy(sql.decisions.all(keys) as DecisionRow[], (d) => d.materialId);
  const facts = new Map<string, CustodyFacts>();
  for (const materialId of materialIds) {
    const ofReports = (reportsOf.get(materialId) ?? []).map((r) => r.facts);
    // Each file once, in hash order: the order the rows came in when read by `sha256 IN (…)`,
    // which decides between files received at the same moment.
    const files = [...new Set(ofReports.flatMap((r) => r.files))].sort();
    facts.set(materialId, {
      materialId,
      reports: ofReports,
      evidence: files.flatMap((sha) => {
        const e = stored.get(sha);
        return e
          ? [{ sha256: e.sha256, mime: e.mime, bytes: e.bytes, createdAt: e.createdAt }]
          : [];
      }),
      stamps: files.flatMap((sha) => {
        const s = stamps.get(sha);
        return s
          ? [
              {
                sha256: s.sha256,
                genTime: s.genTime ?? '',
                tokenSha256: s.tokenSha256,
                tsaUrl: s.tsaUrl,
              },
            ]
          : [];
      }),
      decisions: (decisionsOf.get(materialId) ?? []).map(({ materialId: _, ...d }) => d),
    });
  }
  return facts;
}
