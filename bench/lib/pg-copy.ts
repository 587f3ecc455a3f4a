import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { findPgBinaries } from '../../server/testing/pg-cluster';

/**
 * Copies the rows of a SQLite database of the bench into a migrated PostgreSQL database of the
 * same schema: every table both have, the columns both have (identity columns are left to
 * PostgreSQL), through `COPY … FROM STDIN` in psql — far faster than INSERTs. The two engines'
 * measures then run on the very same data.
 */
export async function copySqliteToPg(sqliteFile: string, pgUrl: string): Promise<void> {
  const sqlite = new Database(sqliteFile, { readonly: true });
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND is_identity = 'NO' ORDER BY table_name, ordinal_position`,
    );
    const pgColumns = new Map<string, string[]>();
    for (const row of rows)
      pgColumns.set(row.table_name, [...(pgColumns.get(row.table_name) ?? []), row.column_name]);
    const copies: { table: string; columns: string[] }[] = [];
    for (const [table, columns] of pgColumns) {
      const known = sqlite
        .prepare('SELECT name FROM pragma_table_info(?)')
        .pluck()
        .all(table) as string[];
      const shared = columns.filter((c) => known.includes(c));
      if (shared.length === 0) continue;
      if (!sqlite.prepare(`SELECT 1 FROM "${table}" LIMIT 1`).get()) continue;
      copies.push({ table, columns: shared });
    }
    // What the migrations put in (a first policy, the counters) is replaced by the source's rows.
    await client.query(`TRUNCATE ${copies.map((c) => `"${c.table}"`).join(', ')} CASCADE`);
    for (const { table, columns } of copies) await copyTable(sqlite, pgUrl, table, columns);
    await client.query('ANALYZE');
  } finally {
    await client.end();
    sqlite.close();
  }
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Buffer.isBuffer(value)) return `\\x${value.toString('hex')}`;
  return `"${String(value).replaceAll('"', '""')}"`;
}

/** Streams one table's rows as CSV into psql; foreign keys are not checked while loading. */
async function copyTable(
  sqlite: Database.Database,
  pgUrl: string,
  table: string,
  columns: string[],
) {
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
  let chunk: string[] = [];
  for (const row of rows) {
    chunk.push(row.map(csvField).join(','));
    if (chunk.length < 2000) continue;
    if (!psql.stdin.write(`${chunk.join('\n')}\n`))
      await new Promise((drained) => psql.stdin.once('drain', drained));
    chunk = [];
  }
  if (chunk.length > 0) psql.stdin.write(`${chunk.join('\n')}\n`);
  psql.stdin.end();
  await exited;
}
