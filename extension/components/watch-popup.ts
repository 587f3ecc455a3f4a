import { liveQuery } from 'dexie';
import type { LocalReport, WebTaggerDb } from '@/lib/storage/db';
import { getMeta, type LastSync } from '@/lib/storage/meta';
import { isAlreadyReported } from '@/lib/sync/known-urls';

/**
 * Calls `onSync` with the outcome of every sync run the background finishes (a retry alarm, the
 * periodic pull, the popup's own request); returns how to stop.
 */
export function watchLastSync(db: WebTaggerDb, onSync: (last: LastSync) => void): () => void {
  const subscription = liveQuery(() => getMeta(db, 'lastSync')).subscribe({
    next: (last) => last && onSync(last),
    error: () => undefined,
  });
  return () => subscription.unsubscribe();
}

/** The analyst's own report of a URL (same canonical key), if any: decided locally. */
export async function ownReportOf(db: WebTaggerDb, url: string): Promise<LocalReport | undefined> {
  const found = await isAlreadyReported(db, url);
  return found.status === 'own' ? found.report : undefined;
}
