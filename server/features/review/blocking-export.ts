import { sql } from 'drizzle-orm';
import type { Topic } from '#shared/taxonomy';
import type { Db } from '../../db/open';
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
 * reported, with the topics their live reports name. One query: tens of thousands of entries
 * take about a second.
 */
export function blockingList(db: Db): BlockingEntry[] {
  const rows = db.all<{
    urlKey: string;
    url: string;
    firstReportedAt: string;
    decidedAt: string | null;
    topics: string | null;
  }>(sql`SELECT m.url_key AS urlKey, m.url, m.created_at AS firstReportedAt,
      (SELECT max(c.at) FROM material_status_changes c
        WHERE c.material_id = m.id AND c.to_status = 'sent_for_blocking') AS decidedAt,
      (SELECT json_group_array(DISTINCT j.value) FROM reports r, json_each(r.topics) j
        WHERE r.material_id = m.id AND r.deleted_at IS NULL) AS topics
    FROM materials m WHERE m.status = 'sent_for_blocking' ORDER BY m.seq`);
  return rows.map(({ topics, decidedAt, ...row }) => ({
    ...row,
    topics: codesOfMask('topic', maskOf('topic', topics ? JSON.parse(topics) : [])),
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
