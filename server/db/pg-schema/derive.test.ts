import { getTableName, sql } from 'drizzle-orm';
import {
  boolean,
  jsonb,
  type PgTable,
  getTableConfig as pgConfig,
  foreignKey as pgForeignKey,
  index as pgIndex,
  integer as pgInteger,
  primaryKey as pgPrimaryKey,
  pgTable,
  text as pgText,
  uniqueIndex as pgUniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  check,
  foreignKey,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { logId } from '../schema/columns';
import { pgTwin } from './derive';

// A small schema with every column kind, key and index the derivation knows, and beside it the
// PostgreSQL tables as one would declare them by hand: each twin must equal its declaration, in
// what drizzle-kit reads (getTableConfig) and in its TypeScript type.

type Note = { lines: string[] };

const shelves = sqliteTable('shelves', {
  code: text('code').primaryKey(),
  label: text('label').notNull().unique(),
  colour: text('colour').notNull().default('grey'),
  position: integer('position').notNull().default(0),
});

const books = sqliteTable(
  'books',
  {
    id: logId(),
    shelf: text('shelf')
      .notNull()
      .references(() => shelves.code, { onDelete: 'cascade' }),
    note: text('note', { mode: 'json' }).$type<Note>().notNull(),
    extra: text('extra', { mode: 'json' }),
    lent: integer('lent', { mode: 'boolean' }).notNull(),
    signed: integer('signed', { mode: 'boolean' }),
    pages: integer('pages'),
    state: text('state').$type<'new' | 'worn'>().notNull().default('new'),
  },
  (t) => [index('books_shelf_idx').on(t.shelf, t.id), uniqueIndex('books_note_idx').on(t.note)],
);

const loans = sqliteTable(
  'loans',
  {
    shelf: text('shelf').notNull(),
    seq: integer('seq').notNull(),
    reader: text('reader').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shelf, t.seq] }),
    foreignKey({ columns: [t.shelf], foreignColumns: [shelves.code] }),
  ],
);

/** An integer key the application numbers itself: no identity on PostgreSQL. */
const counters = sqliteTable('counters', {
  seq: integer('seq').primaryKey(),
  value: integer('value').notNull(),
});

const pgShelves = pgTable('shelves', {
  code: pgText('code').primaryKey(),
  label: pgText('label').notNull().unique(),
  colour: pgText('colour').notNull().default('grey'),
  position: pgInteger('position').notNull().default(0),
});

const pgBooks = pgTable(
  'books',
  {
    id: pgInteger('id').primaryKey().generatedAlwaysAsIdentity(),
    shelf: pgText('shelf')
      .notNull()
      .references(() => pgShelves.code, { onDelete: 'cascade' }),
    note: jsonb('note').$type<Note>().notNull(),
    extra: jsonb('extra'),
    lent: boolean('lent').notNull(),
    signed: boolean('signed'),
    pages: pgInteger('pages'),
    state: pgText('state').$type<'new' | 'worn'>().notNull().default('new'),
  },
  (t) => [pgIndex('books_shelf_idx').on(t.shelf, t.id), pgUniqueIndex('books_note_idx').on(t.note)],
);

const pgLoans = pgTable(
  'loans',
  {
    shelf: pgText('shelf').notNull(),
    seq: pgInteger('seq').notNull(),
    reader: pgText('reader').notNull(),
  },
  (t) => [
    pgPrimaryKey({ columns: [t.shelf, t.seq] }),
    pgForeignKey({ columns: [t.shelf], foreignColumns: [pgShelves.code] }),
  ],
);

const pgCounters = pgTable('counters', {
  seq: pgInteger('seq').primaryKey(),
  value: pgInteger('value').notNull(),
});

/** What drizzle-kit reads of a PostgreSQL table, foreign tables by name. */
function described(table: PgTable) {
  const config = pgConfig(table);
  const names = (columns: { name: string }[]) => columns.map((c) => c.name);
  return {
    name: config.name,
    columns: config.columns.map((c) => ({
      name: c.name,
      type: c.getSQLType(),
      columnType: c.columnType,
      notNull: c.notNull,
      primary: c.primary,
      default: c.default,
      unique: c.isUnique ? c.uniqueName : undefined,
      identity: c.generatedIdentity?.type,
    })),
    primaryKeys: config.primaryKeys.map((pk) => ({ name: pk.getName(), on: names(pk.columns) })),
    indexes: config.indexes.map((i) => ({
      name: i.config.name,
      unique: i.config.unique,
      on: names(i.config.columns as { name: string }[]),
    })),
    foreignKeys: config.foreignKeys.map((fk) => {
      const ref = fk.reference();
      return {
        name: fk.getName(),
        on: names(ref.columns),
        to: `${getTableName(ref.foreignTable)}(${names(ref.foreignColumns)})`,
        onDelete: fk.onDelete,
        onUpdate: fk.onUpdate,
      };
    }),
  };
}

describe('pgTwin', () => {
  it.each([
    ['text columns with uniques and defaults', shelves, pgShelves],
    ['json, boolean, identity and foreign-key columns with indexes', books, pgBooks],
    ['composite primary keys and table foreign keys', loans, pgLoans],
    ['integer keys the application numbers', counters, pgCounters],
  ])('derives %s as declared by hand', (_, sqlite, pg) => {
    expect(described(pgTwin(sqlite))).toEqual(described(pg));
  });

  it('types each twin as pgTable types the same declaration', () => {
    expectTypeOf(pgTwin(shelves)).toEqualTypeOf(pgShelves);
    expectTypeOf(pgTwin(books)).toEqualTypeOf(pgBooks);
    expectTypeOf(pgTwin(loans)).toEqualTypeOf(pgLoans);
    expectTypeOf(pgTwin(counters)).toEqualTypeOf(pgCounters);
  });

  it('makes one twin per table, so that foreign keys point at the twin the schema exports', () => {
    expect(pgTwin(books)).toBe(pgTwin(books));
    const [shelfKey] = pgConfig(pgTwin(books)).foreignKeys;
    expect(shelfKey?.reference().foreignTable).toBe(pgTwin(shelves));
    expect(shelfKey?.reference().foreignColumns[0]).toBe(pgTwin(shelves).code);
  });

  it('refuses what it has no PostgreSQL twin for, naming it', () => {
    const measured = sqliteTable('measured', { width: real('width') });
    expect(() => pgTwin(measured)).toThrow(/measured: the SQLiteReal column width/);
    const checked = sqliteTable('checked', { n: integer('n') }, (t) => [
      check('checked_n', sql`${t.n} > 0`),
    ]);
    expect(() => pgTwin(checked)).toThrow(/checked: a check constraint/);
    const partial = sqliteTable('partial', { n: integer('n') }, (t) => [
      index('partial_idx').on(t.n).where(sql`${t.n} > 0`),
    ]);
    expect(() => pgTwin(partial)).toThrow(/partial: the partial index partial_idx/);
    const computed = sqliteTable('computed', { n: text('n') }, (t) => [
      index('computed_idx').on(sql`lower(${t.n})`),
    ]);
    expect(() => pgTwin(computed)).toThrow(/computed: the expression index computed_idx/);
  });
});
