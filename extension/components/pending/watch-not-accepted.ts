import { liveQuery } from 'dexie';
import type { WebTaggerDb } from '@/lib/storage/db';
import { getMeta, type LastSync } from '@/lib/storage/meta';
import { countNotAccepted } from '@/lib/storage/pending-query';

/**
 * Calls `onCount` with how many reports are not yet accepted, and again whenever that changes (the
 * sync engine moving reports between states in the background); returns how to stop.
 */
export function watchNotAccepted(db: WebTaggerDb, onCount: (count: number) => void): () => void {
  const subscription = liveQuery(() => countNotAccepted(db)).subscribe({
    next: onCount,
    error: () => undefined,
  });
  return () => subscription.unsubscribe();
}

/**
 * Calls `onSync` with the outcome of every sync run the background finishes (a retry alarm, the
 * periodic pull, the popup's own request); returns how to stop. It lives here, in the chunk that
 * loads after the form, with the other watcher of the popup.
 */
export function watchSyncRuns(db: WebTaggerDb, onSync: (last: LastSync) => void): () => void {
  const subscription = liveQuery(() => getMeta(db, 'lastRun')).subscribe({
    next: (last) => last && onSync(last),
    error: () => undefined,
  });
  return () => subscription.unsubscribe();
}
