import { useEffect } from 'preact/hooks';
import { isOpenForReporters } from '#shared/review-status';
import type { TargetPage } from '@/lib/capture/page-capture';
import { t } from '@/lib/i18n/i18n';
import type { LocalReport } from '@/lib/storage/db';
import type { PageDeps } from './deps';
import { CaptureLater } from './form/CaptureLater';
import { PendingItem } from './pending/PendingItem';
import { useLiveQuery } from './pending/useLiveQuery';
import { useDexie } from './useDexie';

type Props = {
  report: LocalReport;
  /** The open tab's page, which a report made from a link can still be captured from. */
  page: TargetPage;
  deps: Pick<PageDeps, 'db' | 'now' | 'send'>;
  onEdit: (report: LocalReport) => void;
  onOpenList: () => void;
  /** The report was deleted meanwhile: the page may be tagged again. */
  onGone: () => void;
};

/**
 * The page the analyst already reported: that report (its status, the reviewers' comment) with
 * what can still be done, instead of a second identical report (product.md).
 */
export function AlreadyReported({ page, deps, onEdit, onOpenList, onGone, ...props }: Props) {
  // Kept current: the sync engine sends it and pulls the reviewers' status meanwhile.
  const dexie = useDexie(deps.db);
  const live = useLiveQuery(
    async () => (dexie ? ((await dexie.reports.get(props.report.id)) ?? null) : undefined),
    [dexie],
  );
  useEffect(() => {
    if (live === null) onGone();
  }, [live]);
  const report = live ?? props.report;
  const open = !report.reviewStatus || isOpenForReporters(report.reviewStatus);
  return (
    <section class="already-reported" data-testid="already-reported">
      <h1>{t('alreadyReportedTitle')}</h1>
      <p class="muted">{t(open ? 'alreadyReportedHelp' : 'alreadyReportedLocked')}</p>
      <ul class="reports">
        <PendingItem report={report} />
      </ul>
      <CaptureLater page={page} deps={deps} />
      <div class="actions">
        {open && (
          <button type="button" onClick={() => onEdit(report)} data-testid="edit-reported">
            {t('editOrAddEvidence')}
          </button>
        )}
        <button type="button" class="secondary" onClick={onOpenList}>
          {t('openMyReports')}
        </button>
      </div>
    </section>
  );
}
