import type pg from 'pg';
import { type RawRow, REPORT_COLUMNS, reportValues } from './raw-ingest';

/**
 * The baseline of P1-pg: the rows a push stores (material, report, applied mutation), written by
 * node-postgres — the server's driver — as batched upserts (one multi-row statement per table,
 * one transaction per batch) and nothing else: no HTTP, no validation, no rules.
 */

const MATERIAL_COLUMNS = [
  'id',
  'url_key',
  'url_key_hash',
  'seq',
  'url',
  'title',
  'created_at',
  'updated_at',
];
const RESERVE = `INSERT INTO sync_counters (name, value) VALUES ('change', $1)
  ON CONFLICT (name) DO UPDATE SET value = sync_counters.value + excluded.value RETURNING value`;
const UPSERT_REPORTS = (rows: number) => `INSERT INTO reports (${REPORT_COLUMNS.join(', ')})
  VALUES ${placeholders(rows, REPORT_COLUMNS.length)}
  ON CONFLICT (id) DO UPDATE SET ${REPORT_COLUMNS.slice(2)
    .map((c) => `${c} = excluded.${c}`)
    .join(', ')}`;
const INSERT_MATERIALS = (rows: number) => `INSERT INTO materials (${MATERIAL_COLUMNS.join(', ')})
  VALUES ${placeholders(rows, MATERIAL_COLUMNS.length)} ON CONFLICT (url_key) DO NOTHING`;
const INSERT_APPLIED = (rows: number) => `INSERT INTO applied_mutations
    (id, user_id, report_id, result, applied_at)
  VALUES ${placeholders(rows, 5)} ON CONFLICT (id) DO NOTHING`;

function placeholders(rows: number, columns: number): string {
  const tuples: string[] = [];
  for (let r = 0; r < rows; r++) {
    const first = r * columns;
    tuples.push(`(${Array.from({ length: columns }, (_, c) => `$${first + c + 1}`).join(', ')})`);
  }
  return tuples.join(', ');
}

/** A batch's statements and values, prepared before the clock starts; seqs are filled in later. */
export type RawPgBatch = {
  rows: RawRow[];
  /** The position in the batch of the first report of each URL key in it (its material's seq). */
  newMaterials: number[];
  sql: { reports: string; materials: string; applied: string };
};

/** Prepares a batch of rows: one material row per URL key in it, as the server writes. */
export function rawPgBatch(rows: RawRow[]): RawPgBatch {
  const seen = new Set<string>();
  const newMaterials: number[] = [];
  rows.forEach((row, i) => {
    if (seen.has(row.urlKey)) return;
    seen.add(row.urlKey);
    newMaterials.push(i);
  });
  return {
    rows,
    newMaterials,
    sql: {
      reports: UPSERT_REPORTS(rows.length),
      materials: INSERT_MATERIALS(newMaterials.length),
      applied: INSERT_APPLIED(rows.length),
    },
  };
}

/** Writes one batch for a user in one transaction, as a push does. */
export async function rawPgIngest(pool: pg.Pool, userId: string, batch: RawPgBatch): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = batch;
    const at = new Date().toISOString();
    const reserved = await client.query<{ value: number }>(RESERVE, [rows.length]);
    const first = Number(reserved.rows[0]!.value) - rows.length + 1;
    const materials: unknown[] = [];
    for (const i of batch.newMaterials) {
      const row = rows[i]!;
      const { url, title } = row.report;
      materials.push(row.materialId, row.urlKey, row.urlKeyHash, first + i, url, title, at, at);
    }
    await client.query(batch.sql.materials, materials);
    const reports: unknown[] = [];
    const applied: unknown[] = [];
    rows.forEach((row, i) => {
      reports.push(...reportValues(row, userId, first + i, at));
      applied.push(row.mutationId, userId, row.report.id, '{"op":"upsert","version":1}', at);
    });
    await client.query(batch.sql.reports, reports);
    await client.query(batch.sql.applied, applied);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
