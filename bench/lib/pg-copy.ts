import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { findPgBinaries } from '../../server/testing/pg-cluster';

/**
 * Copies the rows of a SQLite database of the bench into a migrated PostgreSQL database of the
 * same schema (server/db/schema-equivalence.test.ts), so that both engines are measured on the very
 * same data: every table both have, the columns both have, identity columns with their values
 * (their sequences moved past them), through `COPY … FROM STDIN` in psql. Indexes other than the
 * keys are dropped while loading and built once at the end (the trigram ones most of all are far
 * faster so); foreign keys and triggers are off while loading, so tables load in any order.
 */
export async function copySqliteToPg(
  sqliteFile: string,
  pgUrl: string,
  progress: (m: string) => void,
): Promise<void> {
  const sqlite = new Database(sqliteFile, { readonly: true });
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
    );
    const pgColumns = new Map<string, string[]>();
    for (const row of rows)
      pgColumns.set(row.table_name, [...(pgColumns.get(row.table_name) ?? []), row.column_name]);
    const copies: { table: string; columns: string[] }[] = [];
    for (const [table, columns] of pgColumns) {
      if (table.startsWith('__drizzle')) continue;
      const known = sqlite
        .prepare('SELECT name FROM pragma_table_info(?)')
        .pluck()
        .all(table) as string[];
      const shared = columns.filter((c) => known.includes(c));
      if (shared.length === 0) continue;
      if (!sqlite.prepare(`SELECT 1 FROM "${table}" LIMIT 1`).get()) continue;
      copies.push({ table, columns: shared });
    }
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
        WHERE i.schemaname = 'public'
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    );
    for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
    // What the migrations put in (a first policy, the counters) is replaced by the source's rows.
    await client.query(`TRUNCATE ${copies.map((c) => `"${c.table}"`).join(', ')} CASCADE`);
    for (const { table, columns } of copies) {
      const copied = await copyTable(sqlite, pgUrl, table, columns);
      if (copied >= 100_000) progress(`copied ${copied} rows of ${table} to PostgreSQL`);
      await resetSequences(client, table);
    }
    await client.query(`SET maintenance_work_mem = '256MB'`);
    for (const index of indexes) await client.query(index.definition);
    await client.query('ANALYZE');
  } finally {
    await client.end();
    sqlite.close();
  }
}

/** One value as a CSV field: JSON stays text (read as jsonb), flags 0/1 read as booleans. */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Buffer.isBuffer(value)) return `\\x${value.toString('hex')}`;
  return `"${String(value).replaceAll('"', '""')}"`;
}

/** Streams one table's rows as CSV into psql; returns how many. */
async function copyTable(
  sqlite: Database.Database,
  pgUrl: string,
  table: string,
  columns: string[],
): Promise<number> {
  const list = columns.map((c) => `"${c}"`).join(', ');
  const psql = spawn(
    join(findPgBinaries(), 'psql'),
    [
      pgUrl,
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      'SET session_replication_role = replica',
      '-c',
      `COPY "${table}" (${list}) FROM STDIN WITH (FORMAT csv)`,
    ],
    { stdio: ['pipe', 'ignore', 'pipe'] },
  );
  let stderr = '';
  psql.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((done, fail) => {
    psql.on('error', fail);
    psql.on('exit', (code) =>
      code === 0 ? done() : fail(new Error(`copying ${table} into PostgreSQL: ${stderr}`)),
    );
  });
  const rows = sqlite.prepare(`SELECT ${list} FROM "${table}"`).raw().iterate() as Iterable<
    unknown[]
  >;
  let count = 0;
  let chunk: string[] = [];
  for (const row of rows) {
    count++;
    chunk.push(row.map(csvField).join(','));
    if (chunk.length < 2000) continue;
    if (!psql.stdin.write(`${chunk.join('\n')}\n`))
      await new Promise((drained) => psql.stdin.once('drain', drained));
    chunk = [];
  }
  if (chunk.length > 0) psql.stdin.write(`${chunk.join('\n')}\n`);
  psql.stdin.end();
  await exited;
  return count;
}

/** Moves a table's identity sequences past the ids copied into it. */
async function resetSequences(client: pg.Client, table: string): Promise<void> {
  const { rows } = await client.query<{ column: string; sequence: string }>(
    `SELECT column_name AS column, pg_get_serial_sequence($1, column_name) AS sequence
       FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = $2
        AND pg_get_serial_sequence($1, column_name) IS NOT NULL`,
    [`"${table}"`, table],
  );
  for (const { column, sequence } of rows) {
    await client.query(
      `SELECT setval($1, coalesce((SELECT max("${column}") FROM "${table}"), 0) + 1, false)`,
      [sequence],
    );
  }
}
