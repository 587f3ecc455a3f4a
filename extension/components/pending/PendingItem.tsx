import { useState } from 'preact/hooks';
import { labelOf } from '#shared/labels';
import { isOpenForReporters, REVIEW_STATUSES } from '#shared/review-status';
import { type MessageKey, t, uiLocale } from '@/lib/i18n/i18n';
import type { LocalReport } from '@/lib/storage/db';
import { RejectionReason } from './RejectionReason';

export type ItemActions = {
  onEdit: (report: LocalReport) => void;
  onDelete: (report: LocalReport) => Promise<void>;
  onRetry: (report: LocalReport) => Promise<void>;
};

const STATE_LABEL: Record<LocalReport['state'], MessageKey> = {
  draft: 'stateDraft',
  pending: 'statePending',
  syncing: 'stateSyncing',
  synced: 'stateSynced',
  rejected: 'stateRejected',
};

/** One report of the review list: its page, state or review status, and what can be done. */
export function PendingItem({ report, actions }: { report: LocalReport; actions: ItemActions }) {
  const [confirming, setConfirming] = useState(false);
  const locale = uiLocale();
  // Once reviewers took the material up, the report is theirs: no edits, no deletion.
  const open = !report.reviewStatus || isOpenForReporters(report.reviewStatus);
  const geography = report.geography;
  return (
    <li class={`report ${report.state}`} data-testid="report-item" data-state={report.state}>
      <div class="report-head">
        <strong class="title" data-testid="report-title">
          {report.title || report.url}
        </strong>
        <span class={`badge ${report.state}`}>{t(STATE_LABEL[report.state])}</span>
      </div>
      <div class="url muted">{report.url}</div>
      {report.state === 'synced' && report.reviewStatus && (
        <p class="review-status" data-testid="review-status">
          {labelOf(REVIEW_STATUSES, report.reviewStatus, locale)}
        </p>
      )}
      {report.state === 'rejected' && report.rejection && (
        <RejectionReason
          rejection={report.rejection}
          note={report.note}
          locality={geography.indicated ? geography.locality : undefined}
        />
      )}
      {report.note && (
        <p class="note muted" data-testid="report-note">
          {report.note}
        </p>
      )}
      {open && !confirming && (
        <div class="item-actions">
          <button type="button" class="secondary" onClick={() => actions.onEdit(report)}>
            {t('edit')}
          </button>
          {report.state === 'rejected' && (
            <button type="button" class="secondary" onClick={() => void actions.onRetry(report)}>
              {t('retry')}
            </button>
          )}
          <button type="button" class="secondary danger" onClick={() => setConfirming(true)}>
            {t('delete')}
          </button>
        </div>
      )}
      {confirming && (
        <div class="item-actions confirm">
          <span>{t('deleteConfirm')}</span>
          <button type="button" class="danger" onClick={() => void actions.onDelete(report)}>
            {t('deleteYes')}
          </button>
          <button type="button" class="secondary" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </div>
      )}
    </li>
  );
}
