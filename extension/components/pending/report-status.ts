import type { ReviewStatus } from '#shared/review-status';
import type { MessageKey } from '@/lib/i18n/i18n';
import type { LocalReport } from '@/lib/storage/db';

/** How a report stands, as one thing an analyst understands: its way to the server, then its review. */
export type ReportStanding = { key: MessageKey; tone: 'waiting' | 'refused' | 'sent' | 'decided' };

const DECIDED: ReadonlySet<ReviewStatus> = new Set([
  'confirmed',
  'rejected',
  'duplicate',
  'sent_for_blocking',
  'blocked',
  'restored',
]);

/**
 * The one status a report card shows: until the server has it, where it is on its way (waiting,
 * sending, refused); from then on, the reviewers' status in plain words.
 */
export function standingOf(report: LocalReport): ReportStanding {
  switch (report.state) {
    case 'draft':
      return { key: 'stateDraft', tone: 'waiting' };
    case 'pending':
      return { key: 'statePending', tone: 'waiting' };
    case 'syncing':
      return { key: 'stateSyncing', tone: 'waiting' };
    case 'rejected':
      return { key: 'stateRejected', tone: 'refused' };
  }
  const status = report.reviewStatus;
  if (!status) return { key: 'outcome_received', tone: 'sent' };
  return { key: `outcome_${status}`, tone: DECIDED.has(status) ? 'decided' : 'sent' };
}
