import type { ReportSource } from '#shared/taxonomy';
import type { CaptureSummary } from '@/lib/browser/messages';
import type { FieldErrors } from '@/lib/form/validation';
import type { FormValues } from '@/lib/form/values';
import { saveReports } from '@/lib/storage/batch-save';
import type { LocalReport } from '@/lib/storage/db';
import { judgeBatch, type VolumeItem } from '@/lib/volume/batch';
import type { PageDeps } from '../deps';
import { startCapture } from '../form/start-capture';

/** How far a batch got: saved locally, captured (tabs), for the progress line. */
export type BatchProgress = { total: number; saved: number; captures: number; captured: number };

export type BatchOutcome =
  | { ok: true; reports: LocalReport[] }
  | { ok: false; errors: Map<string, FieldErrors> };

type SaveDeps = Pick<PageDeps, 'db' | 'now' | 'send'>;

/**
 * Saves the chosen items as one report each, through the same outbox as a single report: judged
 * first (nothing is saved while an item is faulty), stored in one transaction, then — for tabs —
 * each tab's evidence captured in turn by the background, which brings the tab to the front for
 * its screenshot and puts the analyst's tab back after (capture-report.ts). Where the browser
 * does not let the extension see a tab (no grant for it), the report records that it was not
 * captured (`not_allowed`) and goes without evidence, as any report whose capture failed.
 */
export async function saveBatch(
  deps: SaveDeps,
  items: readonly VolumeItem[],
  shared: FormValues,
  source: ReportSource,
  onProgress: (progress: BatchProgress) => void,
): Promise<BatchOutcome> {
  const at = deps.now();
  const judged = judgeBatch(items, shared, source, at);
  if (!judged.ok) return judged;
  const capture = source === 'page' && shared.captureEvidence;
  const tabs = new Map(
    capture ? items.filter((i) => i.tabId !== undefined).map((i) => [i.id, i] as const) : [],
  );
  const progress: BatchProgress = {
    total: items.length,
    saved: 0,
    captures: tabs.size,
    captured: 0,
  };
  onProgress({ ...progress });
  const reports = await saveReports(await deps.db.dexie(), judged.reports, {
    at,
    awaitCaptureOf: new Set(tabs.keys()),
  });
  progress.saved = reports.length;
  onProgress({ ...progress });
  if (tabs.size === 0) {
    void deps.send('report-saved', { reportId: reports[0]?.id ?? '' });
    return { ok: true, reports };
  }
  // All asked at once: the background takes them one at a time, and finishes them even if this
  // page is closed meanwhile.
  const answers: Promise<CaptureSummary | undefined>[] = [];
  for (const [id, item] of tabs) {
    const tab = {
      tabId: item.tabId!,
      ...(item.windowId !== undefined ? { windowId: item.windowId } : {}),
    };
    answers.push(
      startCapture(deps, id, tab).finally(() => {
        progress.captured += 1;
        onProgress({ ...progress });
      }),
    );
  }
  await Promise.allSettled(answers);
  return { ok: true, reports };
}
