import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Online backup of a data folder while the server runs: `VACUUM INTO` writes a consistent
 * snapshot of the database from one read transaction (in WAL mode writers carry on meanwhile),
 * then the document and evidence files the snapshot refers to are copied beside it. The result is
 * itself a data folder: restoring is copying it into an empty one.
 */

export const DATABASE_FILE = 'webtagger.sqlite';
const BUSY_TIMEOUT_MS = 10_000;
// The tables whose row counts a backup reports, so that it can be compared with its source.
export const COUNTED_TABLES = [
  'users',
  'reports',
  'materials',
  'documents',
  'evidence',
  'consents',
  'audit_events',
];

export type BackupSummary = {
  dir: string;
  databaseBytes: number;
  counts: Record<string, number>;
  filesCopied: number;
  /** Files the snapshot refers to that were no longer in the data folder (erased meanwhile). */
  filesMissing: number;
  integrity: string;
};

export class BackupError extends Error {}

/** Backs up the data folder `dataDir` into `targetDir` (which must not hold a database yet). */
export function backupDataFolder(dataDir: string, targetDir: string): BackupSummary {
  const source = join(dataDir, DATABASE_FILE);
  if (!existsSync(source)) throw new BackupError(`No database at ${source}.`);
  const target = join(targetDir, DATABASE_FILE);
  if (existsSync(target))
    throw new BackupError(`${target} exists already; choose an empty folder.`);
  mkdirSync(targetDir, { recursive: true });
  const live = new Database(source, { fileMustExist: true });
  try {
    live.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    live.prepare('VACUUM INTO ?').run(target);
  } finally {
    live.close();
  }
  const snapshot = new Database(target, { fileMustExist: true });
  try {
    const { filesCopied, filesMissing } = copyStoredFiles(
      dataDir,
      targetDir,
      storedFiles(snapshot),
    );
    return {
      dir: targetDir,
      ...verify(snapshot),
      filesCopied,
      filesMissing,
      databaseBytes: statSync(target).size,
    };
  } finally {
    snapshot.close();
  }
}

/** Restores a backup into `dataDir`, which must not hold a database: the backup is checked first. */
export function restoreDataFolder(backupDir: string, dataDir: string): BackupSummary {
  const source = join(backupDir, DATABASE_FILE);
  if (!existsSync(source)) throw new BackupError(`No backup database at ${source}.`);
  if (existsSync(join(dataDir, DATABASE_FILE))) {
    throw new BackupError(`${dataDir} holds a database already; restore into an empty folder.`);
  }
  const backup = new Database(source, { readonly: true, fileMustExist: true });
  let summary: Omit<BackupSummary, 'dir' | 'filesCopied' | 'filesMissing' | 'databaseBytes'>;
  try {
    summary = verify(backup);
  } finally {
    backup.close();
  }
  mkdirSync(dataDir, { recursive: true });
  let filesCopied = 0;
  for (const folder of ['documents', 'evidence', 'timestamps']) {
    const from = join(backupDir, folder);
    if (!existsSync(from)) continue;
    mkdirSync(join(dataDir, folder), { recursive: true });
    for (const name of readdirSync(from)) {
      copyFileSync(join(from, name), join(dataDir, folder, name));
      filesCopied++;
    }
  }
  copyFileSync(source, join(dataDir, DATABASE_FILE));
  return {
    dir: dataDir,
    ...summary,
    filesCopied,
    filesMissing: 0,
    databaseBytes: statSync(source).size,
  };
}

/** The stored files a SQLite database refers to, relative to its data folder. */
function storedFiles(db: Database.Database): string[] {
  const ids = (sql: string) => db.prepare(sql).pluck().all() as string[];
  return storedFilePaths({
    documents: ids('SELECT id FROM documents'),
    evidence: ids('SELECT sha256 FROM evidence'),
    stamped: ids('SELECT sha256 FROM evidence_timestamps WHERE token_sha256 IS NOT NULL'),
  });
}

/**
 * The files of a data folder that rows refer to, relative to it: each document under its id, each
 * evidence file under its SHA-256, and the time-stamp token of each stamped one — evidence too,
 * the DER answer of the authority, kept byte for byte. The same on both engines.
 */
export function storedFilePaths(names: {
  documents: string[];
  evidence: string[];
  stamped: string[];
}): string[] {
  // Names come from the database, but only ids and hashes are ever used as file names.
  const safe = (name: string) => /^[0-9a-zA-Z-]{1,100}$/.test(name);
  return [
    ...names.documents.filter(safe).map((id) => join('documents', id)),
    ...names.evidence.filter(safe).map((sha) => join('evidence', sha)),
    ...names.stamped.filter(safe).map((sha) => join('timestamps', `${sha}.tsr`)),
  ];
}

/** Copies stored files between data folders; those gone from `from` (erased meanwhile) are counted. */
export function copyStoredFiles(
  from: string,
  to: string,
  relatives: string[],
): { filesCopied: number; filesMissing: number } {
  let filesCopied = 0;
  let filesMissing = 0;
  for (const relative of relatives) {
    if (!existsSync(join(from, relative))) {
      filesMissing++;
      continue;
    }
    mkdirSync(join(to, relative, '..'), { recursive: true });
    copyFileSync(join(from, relative), join(to, relative));
    filesCopied++;
  }
  return { filesCopied, filesMissing };
}

function verify(db: Database.Database) {
  const integrity = db.pragma('integrity_check', { simple: true }) as string;
  if (integrity !== 'ok')
    throw new BackupError(`The backup failed its integrity check: ${integrity}`);
  const present = new Set(
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[],
  );
  const counts = Object.fromEntries(
    COUNTED_TABLES.filter((table) => present.has(table)).map((table) => [
      table,
      db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number,
    ]),
  );
  return { integrity, counts };
}
