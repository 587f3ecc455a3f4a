import type { ReviewStatus } from '#shared/review-status';
import type { PushedReport } from '../push-state';
import { RESERVE_CHANGE_SEQS_SQL } from './change-sequence';
import { type Prepared, preparedOnce } from './prepared';

/** The columns a pushed report writes, as `column = @param` pairs shared by insert and update. */
const REPORT_COLUMNS = {
  material_id: 'materialId',
  url_key: 'urlKey',
  url: 'url',
  title: 'title',
  source: 'source',
  resource_type: 'resourceType',
  languages: 'languages',
  geography: 'geography',
  country: 'country',
  region: 'region',
  openness: 'openness',
  availability: 'availability',
  topics: 'topics',
  note: 'note',
  captured_at: 'capturedAt',
  evidence: 'evidence',
  files: 'files',
  capture: 'capture',
  personal_data_basis: 'personalDataBasis',
  personal_data_kinds: 'personalDataKinds',
  version: 'version',
  updated_at: 'updatedAt',
  change_seq: 'changeSeq',
} as const;

type Value = string | number | null;
// The JSON columns, stored as text.
const JSON_FIELDS: ReadonlySet<string> = new Set([
  'languages',
  'geography',
  'topics',
  'evidence',
  'files',
  'capture',
  'personalDataBasis',
  'personalDataKinds',
]);
const encoded = (name: string) =>
  JSON_FIELDS.has(name)
    ? (report: PushedReport) => {
        const value = report[name as keyof PushedReport];
        return value === null ? null : JSON.stringify(value);
      }
    : (report: PushedReport) => report[name as keyof PushedReport] as Value;

const columns = Object.keys(REPORT_COLUMNS);
const valueParams = Object.values(REPORT_COLUMNS);
// Positional parameters: better-sqlite3 binds them several times faster than named ones, which
// counts for the report statements run once per report of every push batch.
const INSERT_ORDER = ['id', 'userId', 'createdAt', ...valueParams].map(encoded);
const UPDATE_ORDER = [...valueParams, 'id'].map(encoded);

/** A report's values in the order of `insertReport`'s placeholders. */
export function insertValues(report: PushedReport): Value[] {
  return INSERT_ORDER.map((value) => value(report));
}

/** A report's values in the order of `updateReport`'s placeholders. */
export function updateValues(report: PushedReport): Value[] {
  return UPDATE_ORDER.map((value) => value(report));
}

const SQL = {
  reserveChangeSeqs: RESERVE_CHANGE_SEQS_SQL,
  appliedMutations: `SELECT id, user_id AS userId, report_id AS reportId, result FROM applied_mutations
    WHERE id IN (SELECT value FROM json_each(?))`,
  heldReports: `SELECT r.id, r.user_id AS userId, r.material_id AS materialId, r.version,
      r.created_at AS createdAt, r.deleted_at AS deletedAt, m.status
    FROM reports r JOIN materials m ON m.id = r.material_id
    WHERE r.id IN (SELECT value FROM json_each(?))`,
  materialsByKey: `SELECT id, url_key AS urlKey, status FROM materials
    WHERE url_key IN (SELECT value FROM json_each(?))`,
  insertMaterial: `INSERT INTO materials
      (id, url_key, url_key_hash, seq, status, version, url, title, created_at, updated_at,
       registrable_domain)
    VALUES (?, ?, ?, ?, 'submitted', 1, ?, ?, ?, ?, ?)`,
  insertReport: `INSERT INTO reports (id, user_id, created_at, ${columns.join(', ')})
    VALUES (${INSERT_ORDER.map(() => '?').join(', ')})`,
  updateReport: `UPDATE reports SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
  // A tombstone keeps no user-entered text.
  deleteReport: `UPDATE reports SET note = '', geography = json_remove(geography, '$.locality'),
      personal_data_kinds = NULL, personal_data_basis = NULL,
      deleted_at = @at, updated_at = @at, version = version + 1, change_seq = @changeSeq
    WHERE id = @id`,
  // Which files a report lists, for an upload to find its reports (never removed: readers check).
  recordReportFile: 'INSERT OR IGNORE INTO report_files (sha256, report_id) VALUES (?, ?)',
  // The basis on which a report may carry personal data of the person represented.
  approvedRepresentation: `SELECT 1 FROM documents WHERE id = ? AND user_id = ?
    AND kind = 'representation' AND status = 'approved'`,
  recordApplied: `INSERT INTO applied_mutations (id, user_id, report_id, result, applied_at)
    VALUES (?, ?, ?, ?, ?)`,
} as const;

export type AppliedRow = { id: string; userId: string; reportId: string; result: string };
export type HeldRow = {
  id: string;
  userId: string;
  materialId: string;
  version: number;
  createdAt: string;
  deletedAt: string | null;
  status: ReviewStatus;
};
export type MaterialKeyRow = { id: string; urlKey: string; status: ReviewStatus };

export type PushStatements = Prepared<typeof SQL>;

/** The push statements of a connection, prepared once and reused by every batch. */
export const pushStatements = preparedOnce(SQL);
