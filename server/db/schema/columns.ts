import type { IsAutoincrement } from 'drizzle-orm';
import { integer } from 'drizzle-orm/sqlite-core';

/**
 * The id of an append-only log, numbered by the database in insertion order (AUTOINCREMENT). Its
 * type says it is auto-incremented, which drizzle's SQLite types do not, so that the PostgreSQL
 * twin (../pg-schema/derive.ts) is typed as the identity column it becomes there.
 */
export function logId() {
  const id = integer('id').primaryKey({ autoIncrement: true });
  return id as IsAutoincrement<typeof id>;
}
