import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { findPgProgram } from '../../db/pg-programs';
import { BackupError, COUNTED_TABLES, copyStoredFiles, storedFilePaths } from './backup-service';
import { type PgBackupManifest, readManifest, writeManifest } from './pg-backup-manifest';

/**
 * Backup of a PostgreSQL deployment while its servers run: one read-only snapshot of the database
 * is exported, `pg_dump` writes it in its custom format, and the files of the data folder that
 * the same snapshot refers to are copied beside it — so the dump and the files agree, as they do
 * in a SQLite backup. A manifest says what was taken, when, how large, and the dump's SHA-256.
 */

export const DUMP_FILE = 'database.dump';
const run = promisify(execFile);

const missingProgram = (program: string) =>
  new BackupError(
    `${program} was not found under /usr/lib/postgresql/*/bin nor on PATH. A backup of a ` +
      `PostgreSQL deployment needs PostgreSQL's client programs, of the server's major version ` +
      `or newer: install them (on Debian, \`apt-get install postgresql-client\`) or put the ` +
      `folder holding ${program} on PATH, and run the backup again.`,
  );

/** A PostgreSQL program's path, or the error that tells how to install it. */
function pgProgram(program: 'pg_dump' | 'pg_restore'): string {
  const path = findPgProgram(program);
  if (path === undefined) throw missingProgram(program);
  return path;
}

/**
 * The URL without its password, which goes to the programs in PGPASSWORD instead of their
 * command line (which every local user can read in the process list).
 */
function programTarget(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return {
    url: url.toString(),
    env: password ? { ...process.env, PGPASSWORD: password } : process.env,
  };
}

/** The database's name, to speak of it without its credentials. */
const databaseName = (databaseUrl: string) =>
  decodeURIComponent(new URL(databaseUrl).pathname.slice(1)) || '(the default database)';

async function runProgram(path: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  try {
    await run(path, args, { env, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new BackupError(`${path} failed: ${stderr || String(error)}`);
  }
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function connected(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(
      `Could not connect to the database ${databaseName(databaseUrl)} that WEBTAGGER_DATABASE_URL names: ${(error as Error).message}`,
    );
  }
  return client;
}

const isEmptyFolder = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0;

/** Backs up the database `databaseUrl` names and its files under `dataDir` into a new folder. */
export async function backupPgDeployment(
  databaseUrl: string,
  dataDir: string,
  targetDir: string,
  now = new Date(),
): Promise<PgBackupManifest> {
  const pgDump = pgProgram('pg_dump');
  if (!isEmptyFolder(targetDir))
    throw new BackupError(`${targetDir} is not empty; choose a new folder.`);
  const target = programTarget(databaseUrl);
  const client = await connected(databaseUrl);
  mkdirSync(targetDir, { recursive: true });
  let snapshot: Awaited<ReturnType<typeof readSnapshot>>;
  try {
    // The exported snapshot stays usable while this transaction is open: pg_dump reads the same
    // state as the counts and file names read here, whatever the servers write meanwhile.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const exported = (await client.query('SELECT pg_export_snapshot() AS id')).rows[0].id as string;
    snapshot = await readSnapshot(client);
    await runProgram(
      pgDump,
      [
        '--format=custom',
        `--snapshot=${exported}`,
        `--file=${join(targetDir, DUMP_FILE)}`,
        target.url,
      ],
      target.env,
    );
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
  const copied = copyStoredFiles(dataDir, targetDir, snapshot.files);
  const dumpPath = join(targetDir, DUMP_FILE);
  const manifest: PgBackupManifest = {
    format: 'webtagger-backup',
    engine: 'postgresql',
    createdAt: now.toISOString(),
    database: {
      name: databaseName(databaseUrl),
      serverVersion: snapshot.serverVersion,
      file: DUMP_FILE,
      bytes: statSync(dumpPath).size,
      sha256: await sha256Of(dumpPath),
    },
    counts: snapshot.counts,
    files: snapshot.files
      .filter((relative) => existsSync(join(targetDir, relative)))
      .map((path) => ({ path, bytes: statSync(join(targetDir, path)).size })),
    filesMissing: copied.filesMissing,
  };
  writeManifest(targetDir, manifest);
  return manifest;
}

/** What a snapshot holds: its main tables' row counts and the files its rows refer to. */
async function readSnapshot(client: pg.Client) {
  const column = async (sql: string) =>
    (await client.query(sql)).rows.map((row) => String(Object.values(row)[0]));
  const counts: Record<string, number> = {};
  for (const table of COUNTED_TABLES) {
    counts[table] = Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
  }
  const files = storedFilePaths({
    documents: await column('SELECT id FROM documents'),
    evidence: await column('SELECT sha256 FROM evidence'),
    stamped: await column('SELECT sha256 FROM evidence_timestamps WHERE token_sha256 IS NOT NULL'),
  });
  const serverVersion = (await column('SHOW server_version'))[0] ?? '';
  return { counts, files, serverVersion };
}

/** Tables, views and sequences outside PostgreSQL's own schemas: what makes a database not empty. */
async function userRelations(client: pg.Client): Promise<number> {
  const { rows } = await client.query(
    `SELECT count(*) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`,
  );
  return Number(rows[0].n);
}

/**
 * Restores a backup into the EMPTY database `databaseUrl` names and the empty folder `dataDir`.
 * Everything is checked before anything is written: the manifest, the dump's SHA-256, the files,
 * that the database holds no tables and the folder no files. The dump is restored in one
 * transaction (a failure leaves the database empty), then the files are copied, then the restored
 * row counts are compared with the manifest's.
 */
export async function restorePgDeployment(
  backupDir: string,
  databaseUrl: string,
  dataDir: string,
): Promise<PgBackupManifest> {
  const manifest = readManifest(backupDir);
  if (manifest === undefined) throw new BackupError(`${backupDir} holds no PostgreSQL backup.`);
  const pgRestore = pgProgram('pg_restore');
  const dumpPath = join(backupDir, manifest.database.file);
  if (!existsSync(dumpPath) || (await sha256Of(dumpPath)) !== manifest.database.sha256)
    throw new BackupError(`${dumpPath} is missing or differs from the manifest; nothing restored.`);
  for (const file of manifest.files) {
    const path = join(backupDir, file.path);
    if (!existsSync(path) || statSync(path).size !== file.bytes)
      throw new BackupError(`${path} is missing or differs from the manifest; nothing restored.`);
  }
  if (!isEmptyFolder(dataDir))
    throw new BackupError(`${dataDir} is not empty; restore into an empty folder.`);
  const name = databaseName(databaseUrl);
  const check = await connected(databaseUrl);
  try {
    const relations = await userRelations(check);
    if (relations > 0)
      throw new BackupError(
        `The database ${name} is not empty (${relations} tables, views or sequences); nothing was ` +
          'changed. Restore into a new database (`createdb <name>`) and point ' +
          'WEBTAGGER_DATABASE_URL at it.',
      );
  } finally {
    await check.end();
  }
  const target = programTarget(databaseUrl);
  await runProgram(
    pgRestore,
    [
      '--no-owner',
      '--no-privileges',
      '--single-transaction',
      '--exit-on-error',
      `--dbname=${target.url}`,
      dumpPath,
    ],
    target.env,
  );
  mkdirSync(dataDir, { recursive: true });
  copyStoredFiles(
    backupDir,
    dataDir,
    manifest.files.map((file) => file.path),
  );
  const restored = await connected(databaseUrl);
  try {
    const { counts } = await readSnapshot(restored);
    if (JSON.stringify(counts) !== JSON.stringify(manifest.counts))
      throw new BackupError(
        `The restored database ${name} holds ${JSON.stringify(counts)}, the backup ${JSON.stringify(manifest.counts)}.`,
      );
  } finally {
    await restored.end();
  }
  return manifest;
}
