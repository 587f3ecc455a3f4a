import { useEffect, useState } from 'preact/hooks';
import type { TargetPage } from '@/lib/capture/page-capture';
import { afterFormReady, FORM_WAIT_MS } from '@/lib/form/ready';
import { t } from '@/lib/i18n/i18n';
import type { LocalReport } from '@/lib/storage/db';
import type { PageDeps } from '../deps';
import { CaptureStatus } from './CaptureStatus';
import { startCapture } from './start-capture';

type Props = { page: TargetPage; deps: Pick<PageDeps, 'db' | 'now' | 'send'> };

/**
 * "Reported, not captured": the analyst reported this page from a link earlier and now has it
 * open; one click captures it and adds the evidence to that report.
 */
export function CaptureLater({ page, deps }: Props) {
  const [report, setReport] = useState<LocalReport>();
  const [busy, setBusy] = useState(false);
  const tabId = page.source === 'page' ? page.tabId : undefined;

  const reload = async (reportId: string) =>
    setReport(await (await deps.db.dexie()).reports.get(reportId));

  useEffect(() => {
    if (tabId === undefined) return;
    let mounted = true;
    // Not needed to tag: looked up once the form is painted.
    void afterFormReady(FORM_WAIT_MS)
      .then(() => Promise.all([import('@/lib/capture/not-captured'), deps.db.dexie()]))
      .then(([{ findNotCaptured }, db]) => findNotCaptured(db, page.url))
      .then((found) => mounted && setReport(found))
      .catch(() => undefined);
    return () => {
      mounted = false;
    };
  }, [page.url]);

  if (!report || tabId === undefined) return null;

  async function captureNow() {
    if (!report || tabId === undefined || busy) return;
    setBusy(true);
    try {
      const { awaitRecapture } = await import('@/lib/capture/not-captured');
      setReport(await awaitRecapture(await deps.db.dexie(), report, deps.now()));
      await startCapture(deps, report.id, {
        tabId,
        ...(page.windowId !== undefined ? { windowId: page.windowId } : {}),
      });
      await reload(report.id);
    } finally {
      setBusy(false);
    }
  }

  if (report.evidenceState) return <CaptureStatus report={report} />;
  return (
    <p class="notice" role="status" data-testid="not-captured">
      {t('notCapturedNotice')}{' '}
      <button
        type="button"
        class="link"
        data-testid="capture-now"
        disabled={busy}
        onClick={() => void captureNow()}
      >
        {t('captureNowButton')}
      </button>
    </p>
  );
}
