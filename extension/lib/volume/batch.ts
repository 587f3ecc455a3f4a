import { LIMITS, type ReportInput } from '#shared/schemas/report';
import type { ReportSource } from '#shared/taxonomy';
import { type FieldErrors, validateForm } from '../form/validation';
import { type FormValues, reportFromForm } from '../form/values';

/**
 * One page of a batch: a tab, a link of the page or a line of a pasted list. `own` holds the
 * fields the analyst changed for this item alone; every other field follows the batch's, also
 * when the batch's values change afterwards.
 */
export type VolumeItem = {
  /** The report id it will be saved under (fixed when the item is listed: a retry is the same report). */
  id: string;
  url: string;
  title: string;
  /** The tab to capture, for a tab. */
  tabId?: number;
  windowId?: number;
  own?: Partial<FormValues>;
};

/** The values an item is saved with: the batch's, with the fields it changed alone. */
export function valuesOf(item: VolumeItem, shared: FormValues): FormValues {
  return item.own ? { ...shared, ...item.own } : shared;
}

/** The report of one item, unjudged. */
export function itemReport(
  item: VolumeItem,
  shared: FormValues,
  source: ReportSource,
  at: number,
): ReportInput {
  const target = {
    reportId: item.id,
    url: item.url,
    title: item.title || item.url,
    source,
    capturedAt: new Date(at).toISOString(),
  };
  return reportFromForm(valuesOf(item, shared), target, LIMITS.titleLength);
}

export type BatchJudgement =
  | { ok: true; reports: ReportInput[] }
  /** The first problem of each faulty item, by its id; nothing of the batch is saved. */
  | { ok: false; errors: Map<string, FieldErrors> };

/**
 * Judges every chosen item with the shared schema: the reports, one per item, or each faulty
 * item's errors. A batch is saved whole or not at all, so the analyst fixes the faults first.
 */
export function judgeBatch(
  items: readonly VolumeItem[],
  shared: FormValues,
  source: ReportSource,
  at: number,
): BatchJudgement {
  const reports: ReportInput[] = [];
  const errors = new Map<string, FieldErrors>();
  for (const item of items) {
    const report = itemReport(item, shared, source, at);
    const target = {
      reportId: report.id,
      url: report.url,
      title: report.title,
      source,
      capturedAt: report.capturedAt,
    };
    const judged = validateForm(valuesOf(item, shared), target);
    if (judged.ok) reports.push(judged.report);
    else errors.set(item.id, judged.errors);
  }
  return errors.size > 0 ? { ok: false, errors } : { ok: true, reports };
}

/** The fields an item's own values differ in from the batch's (shown on its row). */
export function changedFields(item: VolumeItem, shared: FormValues): (keyof FormValues)[] {
  const own = item.own ?? {};
  return (Object.keys(own) as (keyof FormValues)[]).filter(
    (key) => JSON.stringify(own[key]) !== JSON.stringify(shared[key]),
  );
}
