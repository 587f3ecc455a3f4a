import { getTableName, is, Table } from 'drizzle-orm';
import { PgColumn, type PgTable, getTableConfig as pgConfig } from 'drizzle-orm/pg-core';
import {
  SQLiteInteger,
  type SQLiteTable,
  getTableConfig as sqliteConfig,
} from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as pgSchema from './pg-schema';
import * as sqliteSchema from './schema';

// The PostgreSQL tables are derived from the SQLite ones (pg-schema/derive.ts, whose own tests
// cover each kind of column, key and index): this checks the derivation on the real schema, so
// that a table, column or index the derivation drops or mistypes is caught here.

// Each SQLite column kind and the PostgreSQL type that holds the same values.
const SAME_TYPE: Record<string, string> = {
  SQLiteText: 'PgText',
  SQLiteTextJson: 'PgJsonb',
  SQLiteInteger: 'PgInteger',
  SQLiteBoolean: 'PgBoolean',
};

type Config = ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>;

/** What the two engines must agree on, in one engine-neutral shape. */
function shape(config: Config, typeOf: (columnType: string) => string) {
  const names = (columns: { name: string }[]) => columns.map((c) => c.name);
  return {
    columns: Object.fromEntries(
      config.columns.map((c) => [
        c.name,
        {
          type: typeOf(c.columnType),
          notNull: c.notNull,
          primary: c.primary,
          unique: c.isUnique,
          default: c.default,
          // SQLite numbers a log's rows by AUTOINCREMENT, PostgreSQL by an identity column.
          identity:
            (is(c, SQLiteInteger) && c.autoIncrement) ||
            (is(c, PgColumn) && c.generatedIdentity?.type === 'always'),
        },
      ]),
    ),
    primaryKeys: config.primaryKeys.map((pk) => names(pk.columns)),
    uniques: config.uniqueConstraints.map((u) => names(u.columns)),
    indexes: config.indexes
      .map((i) => ({
        name: i.config.name ?? '',
        unique: i.config.unique ?? false,
        on: i.config.columns.map((c) => ('name' in c ? c.name : String(c))),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        return `${names(ref.columns)} → ${getTableName(ref.foreignTable)}(${names(ref.foreignColumns)})`;
      })
      .sort(),
  };
}

const tablesOf = (schema: Record<string, unknown>) =>
  new Map(
    Object.values(schema)
      .filter((value) => is(value, Table))
      .map((table) => [getTableName(table as Table), table]),
  );

describe('the derived PostgreSQL schema mirrors the SQLite schema', () => {
  const sqliteTables = tablesOf(sqliteSchema);
  const pgTables = tablesOf(pgSchema);

  it('has the same tables', () => {
    expect([...pgTables.keys()].sort()).toEqual([...sqliteTables.keys()].sort());
    expect(sqliteTables.size).toBeGreaterThan(15);
  });

  for (const name of [...sqliteTables.keys()].sort()) {
    it(`keeps ${name}'s columns, keys and indexes`, () => {
      const sqlite = shape(sqliteConfig(sqliteTables.get(name) as SQLiteTable), (type) => {
        const mapped = SAME_TYPE[type];
        if (!mapped) throw new Error(`${name}: no PostgreSQL type is set for ${type}`);
        return mapped;
      });
      const pg = shape(pgConfig(pgTables.get(name) as PgTable), (type) => type);
      expect(pg).toEqual(sqlite);
    });
  }
});
