import { LIMITS, type ReportInput } from '#shared/schemas/report';
import type { Topic } from '#shared/taxonomy';
import { UNSEEN_VALUES } from '../form/defaults';
import type { LocalReport, WebTaggerDb } from '../storage/db';
import { saveReport } from '../storage/reports';
import type { LinkTarget } from './page-capture';

/**
 * A one-click report of a link's target with one topic. Nobody has looked at the target yet, so
 * nothing is carried over from another page (product.md, honest pre-fills): its language is `und`,
 * its openness and availability `unknown`, and no place is indicated (taxonomy.md).
 */
export function linkReportInput(
  link: Pick<LinkTarget, 'linkUrl' | 'linkText'>,
  topic: Topic,
  at: Date,
): ReportInput {
  return {
    id: crypto.randomUUID(),
    url: link.linkUrl,
    title: (link.linkText?.trim() || link.linkUrl).slice(0, LIMITS.titleLength),
    source: 'link',
    resourceType: UNSEEN_VALUES.resourceType,
    languages: [...UNSEEN_VALUES.languages],
    geography: { indicated: false },
    openness: UNSEEN_VALUES.openness,
    availability: UNSEEN_VALUES.availability,
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
  const report = linkReportInput(link, topic, new Date(at));
  return saveReport(db, report, { at, rememberForm: false });
}
