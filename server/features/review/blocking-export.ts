import type { Topic } from '#shared/taxonomy';
import type { Storage } from '../../storage';
import { csvLine } from './csv';
import { codesOfMask, maskOf } from './facet-masks';

export type BlockingEntry = {
  urlKey: string;
  url: string;
  topics: Topic[];
  firstReportedAt: string;
  /** When the material was (last) sent for blocking. */
  decidedAt: string;
};

export const BLOCKING_CSV_HEADER = ['url_key', 'url', 'topics', 'first_reported_at', 'decided_at'];

/**
 * Materials sent for blocking and not yet recorded as blocked, in the order they were first
 * reported, with the topics their live reports name (in vocabulary order).
 */
export async function blockingList(storage: Pick<Storage, 'review'>): Promise<BlockingEntry[]> {
  const rows = await storage.review.blockingList();
  return rows.map(({ topics, decidedAt, ...row }) => ({
    ...row,
    topics: codesOfMask('topic', maskOf('topic', topics)),
    decidedAt: decidedAt ?? row.firstReportedAt,
  }));
}

/** The blocking list as CSV (UTF-8, CRLF, a header line). */
export function blockingCsv(entries: BlockingEntry[]): string {
  return [
    csvLine(BLOCKING_CSV_HEADER),
    ...entries.map((e) =>
      csvLine([e.urlKey, e.url, e.topics.join(';'), e.firstReportedAt, e.decidedAt]),
    ),
  ].join('');
}

/**
 * The blocking list as a download, audited: what the API and the reviewers' console both answer,
 * body and headers alike.
 */
export async function exportBlockingList(
  storage: Pick<Storage, 'review' | 'audit'>,
  actor: { userId: string; ip: string },
  at: Date,
): Promise<{ body: string; headers: Record<string, string> }> {
  const entries = await blockingList(storage);
  await storage.audit.record({
    action: 'material.blocking_list_exported',
    at,
    actorUserId: actor.userId,
    ip: actor.ip,
    details: { materials: entries.length },
  });
  const day = at.toISOString().slice(0, 10);
  return {
    body: blockingCsv(entries),
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="blocking-list-${day}.csv"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  };
}
