import type { Storage as SqliteStorage } from '../db/open';
import type { PgStorage } from '../db/pg-open';

/**
 * Makes every later insert into a table fail inside the database, as a full disk would, so a test
 * can show that a use case writing several tables leaves nothing behind. `table` is the SQL name.
 */
export async function failInsertsInto(
  engines: { sqlite?: SqliteStorage; pg?: PgStorage },
  table: string,
): Promise<void> {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`not a table name: ${table}`);
  if (engines.sqlite) {
    engines.sqlite.sqlite.exec(
      `CREATE TRIGGER fail_insert_${table} BEFORE INSERT ON ${table}
       BEGIN SELECT RAISE(ABORT, 'disk'); END`,
    );
    return;
  }
  await engines.pg!.pool.query(
    `CREATE FUNCTION fail_insert_${table}() RETURNS trigger LANGUAGE plpgsql
       AS $$ BEGIN RAISE EXCEPTION 'disk'; END $$;
     CREATE TRIGGER fail_insert_${table} BEFORE INSERT ON ${table}
       FOR EACH ROW EXECUTE FUNCTION fail_insert_${table}()`,
  );
}

/** Lets inserts into a table succeed again after `failInsertsInto` (the disk has room again). */
export async function allowInsertsInto(
  engines: { sqlite?: SqliteStorage; pg?: PgStorage },
  table: string,
): Promise<void> {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`not a table name: ${table}`);
  if (engines.sqlite) {
    engines.sqlite.sqlite.exec(`DROP TRIGGER fail_insert_${table}`);
    return;
  }
  await engines.pg!.pool.query(
    `DROP TRIGGER fail_insert_${table} ON ${table}; DROP FUNCTION fail_insert_${table}()`,
  );
}
