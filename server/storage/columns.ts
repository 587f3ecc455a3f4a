/**
 * The named columns of either engine's table, typed as that table's, so that a select over them
 * infers its rows: how a projection is written once for both engines.
 */
export function pick<T, K extends keyof T>(table: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, table[key]])) as Pick<T, K>;
}
