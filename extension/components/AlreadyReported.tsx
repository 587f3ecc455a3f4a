import { isOpenForReporters } from '#shared/review-status';
import { t } from '@/lib/i18n/i18n';
import type { LocalReport } from '@/lib/storage/db';
import { PendingItem } from './pending/PendingItem';

type Props = {
  report: LocalReport;
  onEdit: (report: LocalReport) => void;
  onOpenList: () => void;
};

/**
 * The page the analyst already reported: that report (its status, the reviewers' comment) with
 * what can still be done, instead of a second identical report (product.md).
 */
export function AlreadyReported({ report, onEdit, onOpenList }: Props) {
  const open = !report.reviewStatus || isOpenForReporters(report.reviewStatus);
  return (
    <section class="already-reported" data-testid="already-reported">
      <h1>{t('alreadyReportedTitle')}</h1>
      <p class="muted">{t(open ? 'alreadyReportedHelp' : 'alreadyReportedLocked')}</p>
      <ul class="reports">
        <PendingItem report={report} />
      </ul>
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
