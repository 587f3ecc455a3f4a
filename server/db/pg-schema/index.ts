// The PostgreSQL engine's tables: the same tables, columns, keys and indexes as ../schema (SQLite),
// in PostgreSQL's types (JSON as jsonb, flags as boolean, log ids as identity columns).
// server/db/schema-equivalence.test.ts keeps the two the same; drizzle.pg.config.ts generates
// the migrations in ../pg-migrations.
export * from './consent';
export * from './custody';
export * from './disclosures';
export * from './documents';
export * from './erasures';
export * from './limits';
export * from './notices';
export * from './rechecks';
export * from './relations';
export * from './reports';
export * from './review';
export * from './triage';
export * from './users';
