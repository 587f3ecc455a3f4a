import type Database from 'better-sqlite3';
import type pg from 'pg';

/**
 * Copies every row of a SQLite database into a PostgreSQL database of the same schema (both
 * migrated to the same shape: server/db/schema-equivalence.test.ts), so that both engines are
 * measured on the very same data. Rows go in multi-row inserts of a JSON array each
 * (`json_populate_recordset`), foreign keys unchecked and secondary indexes dropped while
 * loading (built again after), and identity sequences moved past the copied ids.
 */
const BATCH = 5_000;

type PgColumn = { name: string; type: string };

export async function copySqliteToPg(
  sqlite: Database.Database,
  client: pg.Client,
  progress: (m: string) => void,
): Promise<void> {
  const { rows: pgColumns } = await client.query<{ table: string; column: string; type: string }>(
    `SELECT table_name AS table, column_name AS column, data_type AS type
       FROM information_schema.columns WHERE table_schema = 'public'`,
  );
  const pgTables = new Map<string, PgColumn[]>();
  for (const c of pgColumns) {
    pgTables.set(c.table, [...(pgTables.get(c.table) ?? []), { name: c.column, type: c.type }]);
  }
  const tables = (
    sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as {
      name: string;
    }[]
  )
    .map((t) => t.name)
    .filter((name) => pgTables.has(name) && !name.startsWith('__drizzle'));
  // Indexes other than the keys are built once at the end, much faster than row by row (the
  // trigram ones most of all); triggers, foreign keys included, are off for this session, so
  // tables load in any order.
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
      WHERE i.schemaname = 'public'
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
  );
  for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
  await client.query(`SET session_replication_role = replica`);
  for (const table of tables) {
    const sqliteColumns = new Set(
      (sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map(
        (c) => c.name,
      ),
    );
    const columns = pgTables.get(table)!.filter((c) => sqliteColumns.has(c.name));
    const convert = columns.map((c) => converter(c.type));
    const insert = `INSERT INTO "${table}" (${columns.map((c) => `"${c.name}"`).join(', ')})
      OVERRIDING SYSTEM VALUE
      SELECT ${columns.map((c) => `"${c.name}"`).join(', ')}
        FROM json_populate_recordset(null::"${table}", $1::json)`;
    const select = sqlite.prepare(
      `SELECT ${columns.map((c) => `"${c.name}"`).join(', ')} FROM "${table}"`,
    );
    let batch: Record<string, unknown>[] = [];
    let copied = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      await client.query(insert, [JSON.stringify(batch)]);
      copied += batch.length;
      batch = [];
      if (copied % 200_000 === 0) progress(`copied ${copied} rows of ${table} to PostgreSQL`);
    };
    for (const row of select.iterate() as Iterable<Record<string, unknown>>) {
      const out: Record<string, unknown> = {};
      columns.forEach((c, i) => {
        out[c.name] = convert[i]!(row[c.name]);
      });
      batch.push(out);
      if (batch.length === BATCH) await flush();
    }
    await flush();
    await resetSequences(client, table);
  }
  await client.query(`SET session_replication_role = origin`);
  await client.query(`SET maintenance_work_mem = '256MB'`);
  for (const index of indexes) await client.query(index.definition);
  await client.query('ANALYZE');
}

/** JSON columns are text on SQLite and jsonb here; flags are 0/1 there and booleans here. */
function converter(type: string): (value: unknown) => unknown {
  if (type === 'jsonb' || type === 'json') {
    return (value) => (typeof value === 'string' ? JSON.parse(value) : value);
  }
  if (type === 'boolean') return (value) => (value === null ? null : Boolean(value));
  return (value) => value;
}

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
