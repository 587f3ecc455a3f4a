import type { CustodyFacts } from '../../storage/evidence-store';
import type { CustodyDraft } from './custody';

export type { CustodyFacts };

const reportKey = (id: unknown, version: unknown) => `report:${id}:${version}`;
const evidenceKey = (sha256: unknown) => `evidence:${sha256}`;

/** The key of a recorded fact, so that a fact is recorded once however often the log catches up. */
function keyOf(event: Record<string, unknown>): string | undefined {
  switch (event.type) {
    case 'report_received':
      return reportKey(event.reportId, event.reportVersion);
    case 'evidence_received':
      return evidenceKey(event.sha256);
    case 'time_stamped':
      return `stamp:${event.sha256}`;
    case 'decided':
      return `decision:${event.statusChangeId}`;
    default:
      return undefined;
  }
}

// ISO times in one format order as text; a plain comparison is many times cheaper than a
// collation, and a push catches up materials with hundreds of reports.
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The events the log lacks for what the database holds: reports received (each version),
 * evidence files received, files time-stamped, decisions. Pure: the caller reads and appends in
 * one transaction, so catching up twice records nothing twice.
 */
export function missingCustodyEvents(
  logged: Record<string, unknown>[],
  facts: CustodyFacts,
  at: Date,
): CustodyDraft[] {
  const seen = new Set(logged.map(keyOf).filter((key) => key !== undefined));
  // Each event is written out in full rather than spread from shared fields: V8 copies a spread
  // followed by more fields slowly, and this ran for every event a push records.
  const when = at.toISOString();
  const material = facts.materialId;
  const drafts: CustodyDraft[] = [];
  const add = (draft: CustodyDraft) => {
    const key = keyOf(draft);
    if (key && seen.has(key)) return;
    if (key) seen.add(key);
    drafts.push(draft);
  };
  // A popular material's log already holds most of its reports: those are skipped by their key
  // before an event is built for them. Times are ISO strings, whose order is their text's order.
  const reports = facts.reports.filter((r) => !seen.has(reportKey(r.id, r.version)));
  for (const r of reports.sort((a, b) => byText(a.updatedAt, b.updatedAt))) {
    add({
      at: when,
      material,
      type: 'report_received',
      reportId: r.id,
      reportVersion: r.version,
      reporterId: r.userId,
      url: r.url,
      receivedAt: r.updatedAt,
      files: r.files,
    });
  }
  const evidence = facts.evidence.filter((e) => !seen.has(evidenceKey(e.sha256)));
  for (const e of evidence.sort((a, b) => byText(a.createdAt, b.createdAt))) {
    add({
      at: when,
      material,
      type: 'evidence_received',
      sha256: e.sha256,
      mime: e.mime,
      bytes: e.bytes,
      receivedAt: e.createdAt,
    });
  }
  for (const s of [...facts.stamps].sort((a, b) => byText(a.genTime, b.genTime))) {
    add({
      at: when,
      material,
      type: 'time_stamped',
      sha256: s.sha256,
      genTime: s.genTime,
      tokenSha256: s.tokenSha256,
      tsa: s.tsaUrl,
    });
  }
  for (const d of facts.decisions) {
    add({
      at: when,
      material,
      type: 'decided',
      statusChangeId: d.id,
      from: d.fromStatus,
      to: d.toStatus,
      by: d.byUserId,
      decidedAt: d.at,
      comment: d.comment,
    });
  }
  return drafts;
}
