import { useEffect, useState } from 'preact/hooks';
import type { WebTaggerDb } from '@/lib/storage/db';
import type { DbOpener } from '@/lib/storage/local-db';

/** The Dexie database of a handle, once loaded: views that query with Dexie wait for it. */
export function useDexie(db: DbOpener): WebTaggerDb | undefined {
  const [dexie, setDexie] = useState<WebTaggerDb>();
  useEffect(() => {
    let mounted = true;
    void db.dexie().then((opened) => mounted && setDexie(() => opened));
    return () => {
      mounted = false;
    };
  }, [db]);
  return dexie;
}
