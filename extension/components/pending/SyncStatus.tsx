import { type MessageKey, t, uiLocale } from '@/lib/i18n/i18n';
import type { WebTaggerDb } from '@/lib/storage/db';
import { getMeta } from '@/lib/storage/meta';
import { useLiveQuery } from './useLiveQuery';

const OUTCOME: Record<string, MessageKey> = {
  done: 'syncDone',
  retry_later: 'syncRetryLater',
  consent_required: 'syncConsentRequired',
  signed_out: 'syncSignedOut',
  no_session: 'syncSignedOut',
};

// In the UI language, which may not be the browser's (chosen in the options).
const time = (ms: number) =>
  new Date(ms).toLocaleTimeString(uiLocale(), { hour: '2-digit', minute: '2-digit' });

/**
 * When the last sync ran, how it ended and, after a failure, when the next one is due; while
 * batches are on their way, that they are (the last outcome would read as if the queue were sent).
 * Evidence files upload after their reports: those still waiting are counted beside it.
 */
export function SyncStatus({ db, now }: { db: WebTaggerDb; now(): number }) {
  const state = useLiveQuery(
    async () => ({
      last: await getMeta(db, 'lastSync'),
      backoff: await getMeta(db, 'backoff'),
      sending: ((await getMeta(db, 'sending')) ?? []).length > 0,
      queued: await db.outbox.count(),
      filesWaiting: await db.evidence.orderBy('dueAt').count(),
    }),
    [db],
  );
  return (
    <>
      <LastSync state={state} now={now} />
      {(state?.filesWaiting ?? 0) > 0 && (
        <p class="muted" data-testid="files-waiting">
          {t('syncFilesWaiting', String(state!.filesWaiting))}
        </p>
      )}
    </>
  );
}

type SyncState = {
  last?: { at: number; outcome: string };
  backoff?: { nextAttemptAt: number };
  sending: boolean;
  queued: number;
  filesWaiting: number;
};

/** How the last sync ended, in words: a failure with every report sent was the files'. */
function outcomeKey({ last, queued, filesWaiting }: SyncState): MessageKey {
  if (last?.outcome === 'retry_later' && queued === 0 && filesWaiting > 0) {
    return 'syncRetryLaterFiles';
  }
  return OUTCOME[last?.outcome ?? ''] ?? 'syncRetryLater';
}

function LastSync({ state, now }: { state: SyncState | undefined; now(): number }) {
  if (state?.sending) {
    return (
      <p class="muted" data-testid="sync-status" data-sending="">
        {t('syncSending')}
      </p>
    );
  }
  if (!state?.last) return <p class="muted">{t('syncNever')}</p>;
  const { last, backoff } = state;
  return (
    <p class="muted" data-testid="sync-status">
      {t('syncLast', time(last.at))} {t(outcomeKey(state))}
      {backoff &&
        backoff.nextAttemptAt > now() &&
        ` ${t('syncNextAt', time(backoff.nextAttemptAt))}`}
    </p>
  );
}
