import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * The result of a Dexie query, kept current: Dexie re-runs it when the tables it read change,
 * in this page or in the background (the sync engine moving reports between states).
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (result) => setValue(() => result),
      error: () => undefined,
    });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
