import { LIMITS, type ReportInput } from '#shared/schemas/report';
import type { Topic } from '#shared/taxonomy';
import { getLastUsedValues } from '../form/defaults';
import type { LocalReport, WebTaggerDb } from '../storage/db';
import type { LastUsedValues } from '../storage/meta';
import { saveReport } from '../storage/reports';
import type { LinkTarget } from './page-capture';

/**
 * A one-click report of a link's target with one topic: the other values are the analyst's last
 * used ones. Geography is not carried over: it is recorded only when the material itself openly
 * indicates it (taxonomy.md), and nobody has looked at the target yet.
 */
export function linkReportInput(
  link: Pick<LinkTarget, 'linkUrl' | 'linkText'>,
  topic: Topic,
  lastUsed: LastUsedValues,
  at: Date,
): ReportInput {
  return {
    id: crypto.randomUUID(),
    url: link.linkUrl,
    title: (link.linkText?.trim() || link.linkUrl).slice(0, LIMITS.titleLength),
    source: 'link',
    resourceType: lastUsed.resourceType,
    languages: lastUsed.languages,
    geography: { indicated: false },
    openness: lastUsed.openness,
    availability: lastUsed.availability,
    topics: [topic],
    note: '',
    capturedAt: at.toISOString(),
  };
}

/** Saves a one-click report of a link (queued like any other report). */
export async function reportLink(
  db: WebTaggerDb,
  link: Pick<LinkTarget, 'linkUrl' | 'linkText'>,
  topic: Topic,
  at: number,
): Promise<LocalReport> {
  const report = linkReportInput(link, topic, await getLastUsedValues(db), new Date(at));
  return saveReport(db, report, { at, rememberForm: false });
}
