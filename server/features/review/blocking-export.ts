import { labelOf } from '#shared/labels';
import { LEGAL_GROUNDS, type LegalGroundChoice } from '#shared/legal-grounds';
import type { ReviewStatus } from '#shared/review-status';
import { REVIEW_STATUSES } from '#shared/review-status';
import type {
  BlockingListEntry,
  BlockingListQuery,
  BlockingListResponse,
} from '#shared/schemas/blocking-list';
import { TOPICS } from '#shared/taxonomy';
import type { Storage } from '../../storage';
import { csvLine } from './csv';
import { codesOfMask, maskOf } from './facet-masks';

const DAY_MS = 86_400_000;

const STATUSES: Record<BlockingListQuery['status'], ReviewStatus[]> = {
  sent: ['sent_for_blocking'],
  blocked: ['blocked'],
  both: ['sent_for_blocking', 'blocked'],
};

export const BLOCKING_CSV_HEADER = [
  'url_key',
  'url',
  'title',
  'status',
  'topics',
  'legal_grounds',
  'evidence_sha256',
  'first_reported_at',
  'decided_at',
];

/** Each ground once (the latest citation of a code wins), in the order first cited. */
function groundsOnce(grounds: LegalGroundChoice[]): LegalGroundChoice[] {
  const byCode = new Map<string, LegalGroundChoice>();
  for (const ground of grounds) byCode.set(ground.code, ground);
  return [...byCode.values()];
}

/**
 * The materials sent for blocking, blocked, or both, that reached that status in the period (UTC
 * days, both ends included), in the order first reported, their vocabulary values in `lang`.
 */
export async function blockingList(
  storage: Pick<Storage, 'review'>,
  query: BlockingListQuery,
): Promise<BlockingListEntry[]> {
  const rows = await storage.review.blockingList({
    statuses: STATUSES[query.status],
    from: query.from && `${query.from}T00:00:00.000Z`,
    before: query.to && new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS).toISOString(),
  });
  const { lang } = query;
  return rows.map((row) => ({
    urlKey: row.urlKey,
    url: row.url,
    title: row.title,
    status: { code: row.status, label: REVIEW_STATUSES[row.status][lang] },
    topics: codesOfMask('topic', maskOf('topic', row.topics)).map((code) => ({
      code,
      label: labelOf(TOPICS, code, lang),
    })),
    legalGrounds: groundsOnce(row.legalGrounds).map((g) => ({
      code: g.code,
      label: LEGAL_GROUNDS[g.code][lang],
      ...(g.courtDecision && { courtDecision: g.courtDecision }),
    })),
    evidenceSha256: [...new Set(row.evidenceSha256)],
    firstReportedAt: row.firstReportedAt,
    decidedAt: row.decidedAt ?? row.firstReportedAt,
  }));
}

const groundText = (g: BlockingListEntry['legalGrounds'][number]) =>
  g.courtDecision ? `${g.label} (№ ${g.courtDecision.number}, ${g.courtDecision.date})` : g.label;

/** The blocking list as CSV (UTF-8, CRLF, a header line); several values in a cell split by `; `. */
export function blockingCsv(entries: BlockingListEntry[]): string {
  return [
    csvLine(BLOCKING_CSV_HEADER),
    ...entries.map((e) =>
      csvLine([
        e.urlKey,
        e.url,
        e.title,
        e.status.label,
        e.topics.map((t) => t.label).join('; '),
        e.legalGrounds.map(groundText).join('; '),
        e.evidenceSha256.join('; '),
        e.firstReportedAt,
        e.decidedAt,
      ]),
    ),
  ].join('');
}

/**
 * The blocking list as a download in CSV or JSON, audited: what the API and the reviewers'
 * console both answer, body and headers alike.
 */
export async function exportBlockingList(
  storage: Pick<Storage, 'review' | 'audit'>,
  actor: { userId: string; ip: string },
  at: Date,
  query: BlockingListQuery,
  format: 'csv' | 'json',
): Promise<{ body: string; headers: Record<string, string> }> {
  const entries = await blockingList(storage, query);
  await storage.audit.record({
    action: 'material.blocking_list_exported',
    at,
    actorUserId: actor.userId,
    ip: actor.ip,
    details: {
      materials: entries.length,
      status: query.status,
      from: query.from ?? null,
      to: query.to ?? null,
      format,
    },
  });
  const day = at.toISOString().slice(0, 10);
  const response: BlockingListResponse = {
    generatedAt: at.toISOString(),
    query,
    materials: entries,
  };
  return {
    body: format === 'csv' ? blockingCsv(entries) : JSON.stringify(response),
    headers: {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json',
      'Content-Disposition': `attachment; filename="blocking-list-${day}.${format}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  };
}
