import type { CaptureSummary } from '@/lib/browser/messages';
import type { PageDeps } from '../deps';

/** The tab a report's evidence is captured from. */
export type CaptureTab = { tabId: number; windowId?: number };

/**
 * Starts capturing a saved report's evidence: the background takes the screenshot (and finishes
 * even if the popup closes), while the popup copies the page, which only an extension page can do
 * in Chrome (lib/capture/page-copy-handover.ts). Resolves with the background's answer.
 */
export function startCapture(
  deps: Pick<PageDeps, 'db' | 'now' | 'send'>,
  reportId: string,
  tab: CaptureTab,
): Promise<CaptureSummary | undefined> {
  const answer = deps.send('capture-evidence', { reportId, ...tab });
  void Promise.all([import('@/lib/capture/page-copy-handover'), deps.db.dexie()])
    .then(([{ handOverPageCopy }, db]) =>
      handOverPageCopy(db, reportId, tab.tabId, {
        at: deps.now(),
        estimate: () => navigator.storage.estimate(),
      }),
    )
    .catch(() => undefined);
  return answer;
}
