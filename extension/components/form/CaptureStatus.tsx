import { type MessageKey, t } from '@/lib/i18n/i18n';
import type { LocalReport } from '@/lib/storage/db';

/**
 * Where a report's evidence is: being captured, captured, or why the report goes without it (or
 * with part of it). Nothing for reports that never asked for a capture.
 */
export function CaptureStatus({ report }: { report: LocalReport | undefined }) {
  if (!report?.evidenceState) return null;
  if (report.evidenceState === 'capturing') {
    return (
      <p class="muted" role="status" data-testid="capture-status" data-state="capturing">
        {t('captureRunning')}
      </p>
    );
  }
  const problem = report.captureProblem;
  if (!problem) {
    return (
      <p class="muted" role="status" data-testid="capture-status" data-state="captured">
        {t('captureDone')}
      </p>
    );
  }
  const lead = report.files?.length ? 'capturePartial' : 'captureNone';
  return (
    <p class="field-error" role="status" data-testid="capture-status" data-state="problem">
      {t(lead)} {t(`captureWhy_${problem}` as MessageKey)}
    </p>
  );
}
