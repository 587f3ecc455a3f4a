import { useEffect, useState } from 'preact/hooks';
import type { SyncSummary } from '@/lib/browser/messages';
import { errorMessageKey } from '@/lib/i18n/error-messages';
import { type MessageKey, t } from '@/lib/i18n/i18n';
import type { LocalReport } from '@/lib/storage/db';
import type { PageDeps } from './deps';
import { CaptureStatus } from './form/CaptureStatus';
import type { SavedReport } from './ReportForm';

type Props = {
  saved: SavedReport;
  onReview: () => void;
  deps: Pick<PageDeps, 'db' | 'send'>;
};

const OUTCOME: Record<string, MessageKey> = {
  done: 'savedSent',
  retry_later: 'savedLater',
  consent_required: 'savedNeedsConsent',
  signed_out: 'savedNeedsSignIn',
  no_session: 'savedNeedsSignIn',
};

/**
 * The confirmation after Save: the report is safe in the browser; then whether the server took
 * it, refused it (and why), or it waits for the network, consent or a sign-in.
 */
export function SavedConfirmation({ saved, onReview, deps }: Props) {
  const { db, send } = deps;
  const [outcome, setOutcome] = useState<{
    summary?: SyncSummary;
    report?: LocalReport;
  }>();
  useEffect(() => {
    const reportId = saved.report.id;
    // With evidence to capture, the background captures it first and then syncs (started on Save).
    const asked = saved.capturing ?? send('report-saved', { reportId });
    void asked.then(async (summary) => {
      const report = await (await db.dexie()).reports.get(saved.report.id);
      setOutcome({ summary, report });
    });
  }, []);

  const rejection = outcome?.report?.state === 'rejected' ? outcome.report.rejection : undefined;
  let status: string = t('savedSending');
  if (rejection) status = `${t('savedRejected')} ${t(errorMessageKey(rejection.code))}`;
  else if (outcome) status = t(OUTCOME[outcome.summary?.outcome ?? ''] ?? 'savedLater');

  return (
    <div class="saved">
      <p class="confirmation" role="status" data-testid="saved">
        <span aria-hidden="true">✓ </span>
        {t('savedMessage')}
      </p>
      <p class={rejection ? 'field-error' : 'muted'} data-testid="saved-sync" aria-live="polite">
        {status}
      </p>
      <CaptureStatus report={outcome?.report ?? saved.report} />
      <div class="actions">
        <button type="button" onClick={onReview}>
          {t('reviewReports')}
        </button>
        <button type="button" class="secondary" onClick={() => window.close()}>
          {t('close')}
        </button>
      </div>
    </div>
  );
}
