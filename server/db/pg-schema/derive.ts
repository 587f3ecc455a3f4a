import { type Column, getTableColumns, is, type Simplify, SQL } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  type PgColumn,
  type PgColumnBuilder,
  type PgColumnBuilderBase,
  type PgTableExtraConfigValue,
  type PgTableWithColumns,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  getTableConfig,
  type SQLiteColumn,
  SQLiteInteger,
  type SQLiteTable,
  SQLiteText,
} from 'drizzle-orm/sqlite-core';

// The PostgreSQL tables are not written by hand: each is the twin of its SQLite table in
// ../schema, built here from that table's config, so that a column, key or index is declared
// once and both engines' migrations follow it. PostgreSQL keeps JSON as jsonb, flags as boolean
// and append-only logs' ids as identity columns; everything else is the same declaration.

/** The PostgreSQL column kind of each SQLite column kind the schema uses. */
type PgKindOf<TColumnType> = TColumnType extends 'SQLiteText'
  ? { dataType: 'string'; columnType: 'PgText'; driverParam: string }
  : TColumnType extends 'SQLiteTextJson'
    ? { dataType: 'json'; columnType: 'PgJsonb'; driverParam: unknown }
    : TColumnType extends 'SQLiteInteger'
      ? { dataType: 'number'; columnType: 'PgInteger'; driverParam: number | string }
      : TColumnType extends 'SQLiteBoolean'
        ? { dataType: 'boolean'; columnType: 'PgBoolean'; driverParam: boolean }
        : never;

/**
 * SQLite types every integer primary key as having a default (it is the rowid); on PostgreSQL only
 * an auto-incremented one has, as an identity column.
 */
type Numbered<U extends Column['_']> = U['isAutoincrement'] extends true ? true : false;
type IntegerKey<U extends Column['_']> = U['columnType'] extends 'SQLiteInteger'
  ? U['isPrimaryKey'] extends true
    ? true
    : false
  : false;

/** The facts of a PostgreSQL twin column: the SQLite column's, in PostgreSQL's kind. */
type PgTwinConfig<U extends Column['_']> = {
  name: U['name'];
  tableName: U['tableName'];
  data: U['data'];
  notNull: U['notNull'];
  hasDefault: IntegerKey<U> extends true ? Numbered<U> : U['hasDefault'];
  isPrimaryKey: U['isPrimaryKey'];
  isAutoincrement: false;
  hasRuntimeDefault: U['hasRuntimeDefault'];
  enumValues: U['enumValues'];
  baseColumn: never;
  identity: Numbered<U> extends true ? 'always' : undefined;
  generated: undefined;
} & PgKindOf<U['columnType']>;

/** A SQLite column's PostgreSQL twin, as pgTable would type the same declaration. */
export type PgTwinColumn<C extends Column> = PgColumn<
  Simplify<PgTwinConfig<C['_']>>,
  NoFacts,
  C['_'] extends { $type: infer T } ? { $type: T } : NoFacts
>;

// biome-ignore lint/complexity/noBannedTypes: pgTable types a column with no further facts as {}.
type NoFacts = {};

/** A SQLite table's PostgreSQL twin: same name, same column keys, PostgreSQL column types. */
export type PgTwin<T extends SQLiteTable> = PgTableWithColumns<{
  name: T['_']['name'];
  schema: undefined;
  columns: { [K in keyof T['_']['columns']]: PgTwinColumn<T['_']['columns'][K]> };
  dialect: 'pg';
}>;

const twins = new WeakMap<SQLiteTable, PgTwin<SQLiteTable>>();

/**
 * The PostgreSQL twin of a SQLite table. Twins are made once per table, so that a foreign key
 * to a table points at the same twin the schema exports.
 */
export function pgTwin<T extends SQLiteTable>(table: T): PgTwin<T> {
  const made = twins.get(table);
  if (made) return made as unknown as PgTwin<T>;
  const config = getTableConfig(table);
  const fail = (what: string): never => {
    throw new Error(`${config.name}: ${what} has no PostgreSQL twin; declare it in derive.ts`);
  };
  if (config.checks.length > 0) fail('a check constraint');
  for (const { config: ix } of config.indexes) {
    if (ix.where) fail(`the partial index ${ix.name}`);
    if (ix.columns.some((column) => is(column, SQL))) fail(`the expression index ${ix.name}`);
  }

  const sqliteColumns = getTableColumns(table) as Record<string, SQLiteColumn>;
  const keyOf = new Map(Object.entries(sqliteColumns).map(([key, column]) => [column, key]));
  const columns: Record<string, PgColumnBuilderBase> = {};
  for (const [key, column] of Object.entries(sqliteColumns)) {
    columns[key] = twinColumn(column, fail);
  }

  const twin = pgTable(config.name, columns, (t) => {
    type Columns = [PgColumn, ...PgColumn[]];
    const on = (list: unknown[]) =>
      list.map((column) => {
        const key = is(column, SQL) ? undefined : keyOf.get(column as SQLiteColumn);
        return key === undefined ? fail(`the column ${String(column)}`) : t[key];
      }) as unknown as Columns;
    const extra: PgTableExtraConfigValue[] = [];
    for (const pk of config.primaryKeys) {
      extra.push(primaryKey({ name: pk.name, columns: on(pk.columns) }));
    }
    for (const u of config.uniqueConstraints) {
      extra.push(unique(u.name).on(...on(u.columns)));
    }
    for (const { config: ix } of config.indexes) {
      const columnsOn = on(ix.columns);
      extra.push((ix.unique ? uniqueIndex(ix.name) : index(ix.name)).on(...columnsOn));
    }
    for (const fk of config.foreignKeys) {
      const ref = fk.reference();
      extra.push(
        foreignKey({
          name: ref.name,
          columns: on(ref.columns),
          foreignColumns: ref.foreignColumns.map((foreign) => {
            const target = pgTwin(foreign.table) as unknown as Record<string, PgColumn>;
            const key = Object.entries(getTableColumns(foreign.table)).find(
              ([, c]) => c === foreign,
            )?.[0];
            return key === undefined ? fail(`the foreign key ${fk.getName()}`) : target[key];
          }) as Columns,
        })
          .onUpdate(fk.onUpdate ?? 'no action')
          .onDelete(fk.onDelete ?? 'no action'),
      );
    }
    return extra;
  });
  twins.set(table, twin as unknown as PgTwin<SQLiteTable>);
  return twin as unknown as PgTwin<T>;
}

/** One column in PostgreSQL's kind, with the SQLite column's constraints and defaults. */
function twinColumn(column: SQLiteColumn, fail: (what: string) => never): PgColumnBuilderBase {
  if (column.generated) fail(`the generated column ${column.name}`);
  // Each kind's builder is typed by its own data; the SQLite column's values fit the twin's kind.
  const builder = (() => {
    switch (column.columnType) {
      case 'SQLiteText': {
        if (is(column, SQLiteText) && column.length !== undefined) fail(`${column.name}'s length`);
        return column.enumValues
          ? text(column.name, { enum: column.enumValues as [string, ...string[]] })
          : text(column.name);
      }
      case 'SQLiteTextJson':
        return jsonb(column.name);
      case 'SQLiteBoolean':
        return boolean(column.name);
      case 'SQLiteInteger':
        return integer(column.name);
      default:
        return fail(`the ${column.columnType} column ${column.name}`);
    }
  })() as unknown as PgColumnBuilder;
  if (column.notNull) builder.notNull();
  if (column.primary) builder.primaryKey();
  if (is(column, SQLiteInteger) && column.autoIncrement) {
    (builder as ReturnType<typeof integer>).generatedAlwaysAsIdentity();
  }
  if (column.default !== undefined) builder.default(column.default);
  if (column.defaultFn) builder.$defaultFn(column.defaultFn);
  if (column.onUpdateFn) builder.$onUpdateFn(column.onUpdateFn);
  if (column.isUnique) builder.unique(column.uniqueName);
  return builder;
}
