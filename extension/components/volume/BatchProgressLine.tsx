import { t } from '@/lib/i18n/i18n';
import type { WebTaggerDb } from '@/lib/storage/db';
import { SyncStatus } from '../pending/SyncStatus';
import { useLiveQuery } from '../pending/useLiveQuery';
import type { BatchProgress } from './save-batch';

/** "n of m saved", then the captures of tabs, as a live region. */
export function BatchProgressLine({ progress }: { progress: BatchProgress }) {
  const { total, saved, captures, captured } = progress;
  return (
    <p class="notice" role="status" aria-live="polite" data-testid="volume-progress">
      {t('volumeSavedCount', [String(saved), String(total)])}
      {captures > 0 && ` ${t('volumeCapturedCount', [String(captured), String(captures)])}`}
    </p>
  );
}

/**
 * Where the batch's reports are on their way to the server, kept current as the background
 * syncs them, with the last sync's outcome as the popup shows it.
 */
export function BatchSyncLine({ db, ids, now }: { db: WebTaggerDb; ids: string[]; now(): number }) {
  const counts = useLiveQuery(async () => {
    const reports = await db.reports.bulkGet(ids);
    let sent = 0;
    let refused = 0;
    for (const report of reports) {
      if (report?.state === 'synced') sent += 1;
      if (report?.state === 'rejected') refused += 1;
    }
    return { sent, refused };
  }, [db, ids.join()]);
  if (!counts) return null;
  return (
    <div data-testid="volume-sync">
      <p class="muted" aria-live="polite" data-testid="volume-sent" data-sent={counts.sent}>
        {t('volumeSentCount', [String(counts.sent), String(ids.length)])}
        {counts.refused > 0 && ` ${t('volumeRefusedCount', String(counts.refused))}`}
      </p>
      <SyncStatus db={db} now={now} />
    </div>
  );
}
