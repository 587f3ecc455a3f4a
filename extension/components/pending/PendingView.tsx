import { useState } from 'preact/hooks';
import { type MessageKey, t } from '@/lib/i18n/i18n';
import type { LocalReport, WebTaggerDb } from '@/lib/storage/db';
import {
  countInStates,
  newestInStates,
  REVIEW_SECTIONS,
  type ReviewSection,
} from '@/lib/storage/pending-query';
import { deleteReport, requeueReport } from '@/lib/storage/reports';
import type { PageDeps } from '../deps';
import { useDexie } from '../useDexie';
import { type ItemActions, PendingItem } from './PendingItem';
import { SyncStatus } from './SyncStatus';
import { useLiveQuery } from './useLiveQuery';

export const PAGE_SIZE = 20;

type Deps = Pick<PageDeps, 'db' | 'send' | 'now'>;
type Props = { onEdit: (report: LocalReport) => void; deps: Deps };

const TITLES: Record<ReviewSection, MessageKey> = {
  rejected: 'sectionRejected',
  waiting: 'sectionWaiting',
  sent: 'sectionSent',
};

function Section(props: { section: ReviewSection; db: WebTaggerDb; actions: ItemActions }) {
  const { section, db, actions } = props;
  const [limit, setLimit] = useState(PAGE_SIZE);
  const states = REVIEW_SECTIONS[section];
  const data = useLiveQuery(async () => {
    const [count, reports] = await Promise.all([
      countInStates(db, states),
      newestInStates(db, states, limit),
    ]);
    return { count, reports };
  }, [db, limit]);
  if (!data || data.count === 0) return null;
  return (
    <section class="review-section" data-testid={`section-${section}`}>
      <h2>
        {t(TITLES[section])} <span class="muted">({data.count})</span>
      </h2>
      <ul class="reports">
        {data.reports.map((report) => (
          <PendingItem key={report.id} report={report} actions={actions} />
        ))}
      </ul>
      {data.count > data.reports.length && (
        <button type="button" class="secondary" onClick={() => setLimit(limit + PAGE_SIZE)}>
          {t('showMore')}
        </button>
      )}
    </section>
  );
}

/**
 * The analyst's reports not yet accepted (rejected with the server's reason, waiting, being sent)
 * and the sent ones with their review status. Each section reads one page through an index.
 */
export function PendingView({ deps, onEdit }: Props) {
  const dexie = useDexie(deps.db);
  if (!dexie) return <div aria-busy="true" />;
  return <PendingLists onEdit={onEdit} deps={deps} db={dexie} />;
}

function PendingLists({ onEdit, deps, db }: Props & { db: WebTaggerDb }) {
  const { send, now } = deps;
  const [busy, setBusy] = useState(false);
  const empty = useLiveQuery(
    async () => (await countInStates(db, Object.values(REVIEW_SECTIONS).flat())) === 0,
    [db],
  );

  async function submitAll() {
    setBusy(true);
    try {
      await send('sync-now');
    } finally {
      setBusy(false);
    }
  }

  const actions: ItemActions = {
    onEdit,
    onDelete: async (report) => {
      await deleteReport(db, report.id, now());
      void send('sync-now');
    },
    onRetry: async (report) => {
      await requeueReport(db, report.id, now());
      void send('sync-now');
    },
  };

  return (
    <div class="pending" data-testid="pending-view">
      <div class="toolbar">
        <button type="button" onClick={submitAll} disabled={busy} data-testid="submit-all">
          {t('submitAll')}
        </button>
        <SyncStatus db={db} now={now} />
      </div>
      {empty && <p class="muted">{t('noReports')}</p>}
      {(Object.keys(REVIEW_SECTIONS) as ReviewSection[]).map((section) => (
        <Section key={section} section={section} db={db} actions={actions} />
      ))}
    </div>
  );
}
