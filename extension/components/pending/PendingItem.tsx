import { useState } from 'preact/hooks';
import { labelOf } from '#shared/labels';
import { isOpenForReporters } from '#shared/review-status';
import { TOPICS } from '#shared/taxonomy';
import { t, uiLocale } from '@/lib/i18n/i18n';
import type { LocalReport } from '@/lib/storage/db';
import { RejectionReason } from './RejectionReason';
import { standingOf } from './report-status';

export type ItemActions = {
  onEdit: (report: LocalReport) => void;
  onDelete: (report: LocalReport) => Promise<void>;
  onRetry: (report: LocalReport) => Promise<void>;
};

type Props = {
  report: LocalReport;
  /** Without actions the card only shows the report (the already-reported view has its own). */
  actions?: ItemActions;
  /** Its outcome came back since the analyst last looked. */
  isNew?: boolean;
};

/**
 * One report card: its page, topics and date, ONE status in words (on its way to the server, or
 * the reviewers'), the reviewers' comment, and what can still be done.
 */
export function PendingItem({ report, actions, isNew }: Props) {
  const [confirming, setConfirming] = useState(false);
  const locale = uiLocale();
  const standing = standingOf(report);
  // Once reviewers took the material up, the report is theirs: no edits, no deletion.
  const open = !report.reviewStatus || isOpenForReporters(report.reviewStatus);
  const geography = report.geography;
  return (
    <li class={`report ${report.state}`} data-testid="report-item" data-state={report.state}>
      <div class="report-head">
        <strong class="title" data-testid="report-title">
          {report.title || report.url}
        </strong>
        <span class={`badge ${standing.tone}`} data-testid="report-status">
          {t(standing.key)}
        </span>
        {isNew && (
          <span class="badge new" data-testid="report-new">
            {t('outcomeNew')}
          </span>
        )}
      </div>
      <div class="url muted">{report.url}</div>
      <div class="report-meta muted" data-testid="report-meta">
        {report.topics.map((topic) => labelOf(TOPICS, topic, locale)).join(', ')} ·{' '}
        {t('taggedOn', new Date(report.capturedAt).toLocaleDateString(locale))}
      </div>
      {report.reporterComment && (
        <p class="reporter-comment" data-testid="reporter-comment">
          <strong>{t('reporterCommentLabel')}</strong> {report.reporterComment}
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
      {actions && open && !confirming && (
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
      {actions && confirming && (
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
