import type Database from 'better-sqlite3';
import type { ReportInput } from '#shared/schemas/report';
import { canonicalUrl, urlKeyHash } from '#shared/url-key';
import { newMaterialId } from '../../server/features/materials/material-ids';
import { RESERVE_CHANGE_SEQS_SQL } from '../../server/storage/sqlite/change-sequence';
import type { PushBatch } from './push-batches';

/**
 * The baseline of P1: the rows a push stores (material, report, applied mutation), written with
 * plain better-sqlite3 batched upserts and nothing else — no HTTP, no validation, no rules.
 */

export const REPORT_COLUMNS = [
  'id',
  'user_id',
  'material_id',
  'url_key',
  'url',
  'title',
  'source',
  'resource_type',
  'languages',
  'geography',
  'country',
  'region',
  'openness',
  'availability',
  'topics',
  'note',
  'captured_at',
  'evidence',
  'personal_data_basis',
  'personal_data_kinds',
  'version',
  'created_at',
  'updated_at',
  'change_seq',
];
const UPSERT_REPORT = `INSERT INTO reports (${REPORT_COLUMNS.join(', ')})
  VALUES (${REPORT_COLUMNS.map(() => '?').join(', ')})
  ON CONFLICT (id) DO UPDATE SET ${REPORT_COLUMNS.slice(2)
    .map((c) => `${c} = excluded.${c}`)
    .join(', ')}`;
const INSERT_MATERIAL = `INSERT INTO materials
    (id, url_key, url_key_hash, seq, status, version, url, title, created_at, updated_at)
  VALUES (?, ?, ?, ?, 'submitted', 1, ?, ?, ?, ?) ON CONFLICT (url_key) DO NOTHING`;
const INSERT_APPLIED = `INSERT INTO applied_mutations (id, user_id, report_id, result, applied_at)
  VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`;

/** A report's row values, prepared before the clock starts (keys and JSON computed). */
export type RawRow = {
  mutationId: string;
  report: ReportInput;
  urlKey: string;
  urlKeyHash: string;
  materialId: string;
  languages: string;
  geography: string;
  topics: string;
};

/** Prepares the rows of reports; materials of equal keys share an id, as the server would give. */
export function rawRows(batch: PushBatch, materialIds: Map<string, string>): RawRow[] {
  return batch.reports.map((report, i) => {
    const urlKey = canonicalUrl(report.url);
    let materialId = materialIds.get(urlKey);
    if (!materialId) {
      materialId = newMaterialId();
      materialIds.set(urlKey, materialId);
    }
    return {
      mutationId: batch.mutationIds[i]!,
      report,
      urlKey,
      urlKeyHash: urlKeyHash(urlKey),
      materialId,
      languages: JSON.stringify(report.languages),
      geography: JSON.stringify(report.geography),
      topics: JSON.stringify(report.topics),
    };
  });
}

/** A new report's values in the order of REPORT_COLUMNS. */
export function reportValues(row: RawRow, userId: string, seq: number, at: string): unknown[] {
  const { report: input } = row;
  const g = input.geography;
  return [
    input.id,
    userId,
    row.materialId,
    row.urlKey,
    input.url,
    input.title,
    input.source,
    input.resourceType,
    row.languages,
    row.geography,
    g.indicated ? g.country : null,
    g.indicated ? (g.region ?? null) : null,
    input.openness,
    input.availability,
    row.topics,
    input.note,
    input.capturedAt,
    null,
    null,
    null,
    1,
    at,
    at,
    seq,
  ];
}

/** Writes one batch of rows for a user in one transaction, as a push does. */
export function rawIngester(sqlite: Database.Database) {
  const reserve = sqlite.prepare(RESERVE_CHANGE_SEQS_SQL);
  const material = sqlite.prepare(INSERT_MATERIAL);
  const report = sqlite.prepare(UPSERT_REPORT);
  const applied = sqlite.prepare(INSERT_APPLIED);
  return sqlite.transaction((userId: string, rows: RawRow[]) => {
    const at = new Date().toISOString();
    const last = (reserve.get(rows.length) as { value: number }).value;
    let seq = last - rows.length;
    for (const row of rows) {
      seq++;
      const { report: input } = row;
      material.run(row.materialId, row.urlKey, row.urlKeyHash, seq, input.url, input.title, at, at);
      report.run(...reportValues(row, userId, seq, at));
      applied.run(row.mutationId, userId, input.id, '{"op":"upsert","version":1}', at);
    }
  });
}
