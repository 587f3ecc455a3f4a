import type { ReportChange, StoredReport } from '#shared/schemas/report';
import { MAX_PULL_LIMIT } from '#shared/schemas/sync';
import { urlKeyHash } from '#shared/url-key';
import type { LocalReport, WebTaggerDb } from '../storage/db';
import { deleteMeta, getMeta, setMeta } from '../storage/meta';
import { queuedReportIds } from '../storage/outbox-queries';
import type { ApiClient } from './api-client';

type PullDeps = { db: WebTaggerDb; client: ApiClient; token: string; pageSize?: number };

/**
 * Pulls the analyst's own reports changed since the stored cursor (review status changes,
 * deletions, reports sent from another browser) and applies them, page by page. Each page and the
 * cursor after it are stored in one transaction, so an interrupted pull resumes where it stopped.
 * Returns how many changes were applied.
 */
export async function pullStatuses(deps: PullDeps): Promise<number> {
  let applied = 0;
  for (;;) {
    const cursor = await getMeta(deps.db, 'pullCursor');
    const page = await deps.client.pull(deps.token, cursor, deps.pageSize ?? MAX_PULL_LIMIT);
    applied += await applyPullPage(deps.db, page.changes, page.cursor);
    if (!page.hasMore || page.cursor === cursor) return applied;
  }
}

/** Applies one page of pulled changes and stores the cursor after it. */
export async function applyPullPage(
  db: WebTaggerDb,
  changes: ReportChange[],
  cursor: string,
): Promise<number> {
  await db.transaction('rw', db.reports, db.outbox, db.meta, async () => {
    const ids = changes.map((change) => change.id);
    const queued = await queuedReportIds(db, ids);
    const stored = await db.reports.bulkGet(ids);
    const local = new Map(stored.flatMap((r) => (r ? [[r.id, r] as const] : [])));
    const puts = new Map<string, LocalReport>();
    const deletes = new Set<string>();
    for (const change of changes) {
      // Local changes still on their way win: the server will answer them.
      if (queued.has(change.id)) {
        const mine = puts.get(change.id) ?? local.get(change.id);
        if (mine && !change.deleted) puts.set(change.id, withServerStatus(mine, change));
        continue;
      }
      if (change.deleted) {
        deletes.add(change.id);
        puts.delete(change.id);
        continue;
      }
      const mine = puts.get(change.id) ?? local.get(change.id);
      deletes.delete(change.id);
      puts.set(
        change.id,
        mine && mine.state !== 'synced'
          ? withServerStatus(mine, change)
          : { ...fromServer(change), ...evidenceNotesOf(mine) },
      );
    }
    await db.reports.bulkDelete([...deletes]);
    await db.reports.bulkPut([...puts.values()]);
    await setMeta(db, 'pullCursor', cursor);
    const news = [...puts.values()].filter((report) =>
      outcomeChanged(local.get(report.id), report),
    );
    if (news.length > 0) {
      const unseen = new Set(await getMeta(db, 'unseenStatus'));
      for (const report of news) unseen.add(report.id);
      await setMeta(db, 'unseenStatus', [...unseen]);
    }
  });
  return changes.length;
}

/** What only this browser knows of a report's evidence: whether and why its capture failed. */
function evidenceNotesOf(report: LocalReport | undefined): Partial<LocalReport> {
  if (!report?.evidenceState) return {};
  return {
    evidenceState: report.evidenceState,
    ...(report.captureProblem ? { captureProblem: report.captureProblem } : {}),
  };
}

/**
 * Whether the reviewers' outcome of a report the analyst already had moved: its status or their
 * comment (a report first seen here, sent from another browser, is not news of an outcome).
 */
function outcomeChanged(before: LocalReport | undefined, after: LocalReport): boolean {
  if (!before?.reviewStatus) return false;
  return (
    before.reviewStatus !== after.reviewStatus ||
    (before.reporterComment ?? '') !== (after.reporterComment ?? '')
  );
}

function withServerStatus(report: LocalReport, change: StoredReport): LocalReport {
  const { reporterComment: _previous, ...rest } = report;
  return {
    ...rest,
    reviewStatus: change.status,
    ...(change.reporterComment ? { reporterComment: change.reporterComment } : {}),
    serverVersion: Math.max(report.serverVersion ?? 0, change.version),
  };
}

/** A report as the server holds it, kept locally as synced. */
function fromServer(change: StoredReport): LocalReport {
  const {
    userId: _userId,
    urlKey,
    status,
    version,
    createdAt: _createdAt,
    updatedAt,
    personalDataKinds: _kinds,
    deleted: _deleted,
    reporterComment,
    ...input
  } = change;
  return {
    ...input,
    state: 'synced',
    updatedAt: Date.parse(updatedAt),
    urlKeyHash: urlKeyHash(urlKey),
    reviewStatus: status,
    ...(reporterComment ? { reporterComment } : {}),
    serverVersion: version,
  };
}

/** How many reports have an outcome the analyst has not seen yet. */
export async function countUnseen(db: WebTaggerDb): Promise<number> {
  return (await getMeta(db, 'unseenStatus'))?.length ?? 0;
}

/** The reports with an unseen outcome, forgotten as unseen: the analyst opened the list. */
export async function takeUnseen(db: WebTaggerDb): Promise<string[]> {
  return db.transaction('rw', db.meta, async () => {
    const unseen = (await getMeta(db, 'unseenStatus')) ?? [];
    if (unseen.length > 0) await deleteMeta(db, 'unseenStatus');
    return unseen;
  });
}
