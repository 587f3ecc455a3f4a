import { useEffect, useState } from 'preact/hooks';
import { type MessageKey, t } from '@/lib/i18n/i18n';
import type { LocalReport, WebTaggerDb } from '@/lib/storage/db';
import {
  countInStates,
  newestInStates,
  REVIEW_SECTIONS,
  type ReviewSection,
} from '@/lib/storage/pending-query';
import { isFiltering, type ReportFilter, searchReports } from '@/lib/storage/report-search';
import { deleteReport, requeueReport } from '@/lib/storage/reports';
import { takeUnseen } from '@/lib/sync/status-pull';
import type { PageDeps } from '../deps';
import { useDexie } from '../useDexie';
import { type ItemActions, PendingItem } from './PendingItem';
import { ReportFilters } from './ReportFilters';
import { SyncStatus } from './SyncStatus';
import { useLiveQuery } from './useLiveQuery';

export const PAGE_SIZE = 20;

type Deps = Pick<PageDeps, 'db' | 'send' | 'now'>;
type Props = { onEdit: (report: LocalReport) => void; deps: Deps };
type ListProps = { db: WebTaggerDb; actions: ItemActions; fresh: ReadonlySet<string> };

const TITLES: Record<ReviewSection, MessageKey> = {
  rejected: 'sectionRejected',
  waiting: 'sectionWaiting',
  sent: 'sectionSent',
};

function Section(props: ListProps & { section: ReviewSection }) {
  const { section, db, actions, fresh } = props;
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
      <Items reports={data.reports} actions={actions} fresh={fresh} />
      {data.count > data.reports.length && (
        <button type="button" class="secondary" onClick={() => setLimit(limit + PAGE_SIZE)}>
          {t('showMore')}
        </button>
      )}
    </section>
  );
}

/** The reports matching the analyst's search, one page at a time. */
function Found(props: ListProps & { filter: ReportFilter }) {
  const { filter, db, actions, fresh } = props;
  const [limit, setLimit] = useState(PAGE_SIZE);
  const reports = useLiveQuery(() => searchReports(db, filter, limit), [db, limit, filter]);
  if (!reports) return <div aria-busy="true" />;
  return (
    <section class="review-section" data-testid="search-results">
      <h2>{t('searchResults')}</h2>
      {reports.length === 0 && <p class="muted">{t('nothingFound')}</p>}
      <Items reports={reports} actions={actions} fresh={fresh} />
      {reports.length >= limit && (
        <button type="button" class="secondary" onClick={() => setLimit(limit + PAGE_SIZE)}>
          {t('showMore')}
        </button>
      )}
    </section>
  );
}

/** The cards of a list, the outcomes not yet seen marked new. */
function Items(props: Omit<ListProps, 'db'> & { reports: LocalReport[] }) {
  const { actions, fresh } = props;
  return (
    <ul class="reports">
      {props.reports.map((report) => (
        <PendingItem
          key={report.id}
          report={report}
          actions={actions}
          isNew={fresh.has(report.id)}
        />
      ))}
    </ul>
  );
}

/**
 * The analyst's reports: refused by the server with its reason, waiting, and sent with the
 * reviewers' outcome; search and filters over all of them. Each list reads one page through an
 * index. Opening it marks the outcomes that came back as seen (they stay marked new here).
 */
export function PendingView({ deps, onEdit }: Props) {
  const dexie = useDexie(deps.db);
  if (!dexie) return <div aria-busy="true" />;
  return <PendingLists onEdit={onEdit} deps={deps} db={dexie} />;
}

function PendingLists({ onEdit, deps, db }: Props & { db: WebTaggerDb }) {
  const { send, now } = deps;
  const [busy, setBusy] = useState<'push' | 'pull'>();
  const [filter, setFilter] = useState<ReportFilter>({});
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const empty = useLiveQuery(
    async () => (await countInStates(db, Object.values(REVIEW_SECTIONS).flat())) === 0,
    [db],
  );
  useEffect(() => {
    void takeUnseen(db).then((ids) => {
      setFresh(new Set(ids));
      if (ids.length > 0) void send('outcomes-seen');
    });
  }, [db]);

  async function run(kind: 'push' | 'pull') {
    setBusy(kind);
    try {
      await send(kind === 'push' ? 'sync-now' : 'pull-now');
      // Outcomes pulled while the list is open are seen here and now.
      const ids = await takeUnseen(db);
      if (ids.length > 0) {
        setFresh((previous) => new Set([...previous, ...ids]));
        void send('outcomes-seen');
      }
    } finally {
      setBusy(undefined);
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
  const lists = { db, actions, fresh };

  return (
    <div class="pending" data-testid="pending-view">
      <div class="toolbar">
        <button
          type="button"
          class="secondary"
          onClick={() => void run('pull')}
          disabled={!!busy}
          data-testid="refresh"
        >
          {t('refresh')}
        </button>
        <button
          type="button"
          onClick={() => void run('push')}
          disabled={!!busy}
          data-testid="submit-all"
        >
          {t('submitAll')}
        </button>
        <SyncStatus db={db} now={now} />
      </div>
      <ReportFilters value={filter} onChange={setFilter} />
      {empty && <p class="muted">{t('noReports')}</p>}
      {isFiltering(filter) ? (
        <Found {...lists} filter={filter} />
      ) : (
        (Object.keys(REVIEW_SECTIONS) as ReviewSection[]).map((section) => (
          <Section key={section} section={section} {...lists} />
        ))
      )}
    </div>
  );
}
