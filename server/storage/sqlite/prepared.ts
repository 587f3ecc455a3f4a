import type Database from 'better-sqlite3';

/** Statements by name, prepared on one connection. */
export type Prepared<T extends Record<string, string>> = { [K in keyof T]: Database.Statement };

/**
 * A module's SQL texts, prepared once per connection and reused by every call: preparing a
 * statement costs more than running it on the hot paths (pushes, custody, relations). A list of
 * keys is bound as one JSON array (`json_each(?)`), so one statement serves any number of them.
 */
export function preparedOnce<T extends Record<string, string>>(
  sql: T,
): (sqlite: Database.Database) => Prepared<T> {
  const cache = new WeakMap<Database.Database, Prepared<T>>();
  return (sqlite) => {
    let statements = cache.get(sqlite);
    if (!statements) {
      statements = Object.fromEntries(
        Object.entries(sql).map(([name, text]) => [name, sqlite.prepare(text)]),
      ) as Prepared<T>;
      cache.set(sqlite, statements);
    }
    return statements;
  };
}
