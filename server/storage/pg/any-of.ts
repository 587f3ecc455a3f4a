import { type Column, type SQL, sql } from 'drizzle-orm';

/**
 * `column = ANY($1)`: the values as one array parameter. Drizzle's `inArray` builds a placeholder
 * per value, which for the hundreds of keys a push batch looks up cost more than the lookups.
 */
export function anyOf(column: Column, values: readonly string[]): SQL {
  return sql`${column} = ANY(${sql.param(values)}::${sql.raw(column.getSQLType())}[])`;
}
