import type { ReportInput } from '#shared/schemas/report';
import { canonicalUrl, urlKeyHash } from '#shared/url-key';
import type { LocalReport, OutboxEntry, WebTaggerDb } from './db';
import { getMeta, setMeta } from './meta';
import { sentUpTo } from './outbox-queries';

export type SaveOptions = {
  /** When it is saved (ms since the epoch), from the caller's clock. */
  at: number;
  /** Whether a new report's values pre-fill the next form (not for one-click link reports). */
  rememberForm?: boolean;
  /**
   * The report's evidence is being captured now: its upsert waits for the files (or for the
   * capture to be given up) before it is pushed (capture-state.ts).
   */
  awaitCapture?: boolean;
};

export type StoreOptions = SaveOptions & {
  /** Which reports wait for a capture of their page (tabs); the others as `awaitCapture` says. */
  awaitCaptureOf?: ReadonlySet<string>;
};

/**
 * Saves a report and queues its upsert in one transaction: nothing typed is lost. Saving a report
 * again (an edit, or a fix after a rejection) replaces its queued, never-sent upserts and queues it
 * anew. A new report also becomes the form's last-used values and counts towards frequent topics.
 */
export async function saveReport(
  db: WebTaggerDb,
  report: ReportInput,
  options: SaveOptions,
): Promise<LocalReport> {
  const [local] = await db.transaction('rw', db.reports, db.outbox, db.meta, async () =>
    storeReports(db, [report], options),
  );
  return local!;
}

/**
 * The writes of saving many reports, each as `saveReport` stores one, to run inside a caller's
 * `rw` transaction on `reports`, `outbox` and `meta` (storage/batch-save.ts). What is stored of
 * them is read at once and they are written at once: a few requests for the whole batch instead
 * of a few per report, each a round trip to IndexedDB. A batch names each report once.
 */
export async function storeReports(
  db: WebTaggerDb,
  reports: readonly ReportInput[],
  options: StoreOptions,
): Promise<LocalReport[]> {
  const ids = reports.map((report) => report.id);
  if (new Set(ids).size < ids.length) throw new Error('a batch of reports names one twice');
  const now = options.at;
  const previous = await db.reports.bulkGet(ids);
  const queued = await db.outbox.where('reportId').anyOf(ids).toArray();
  const sent = await sentUpTo(db);
  const locals = reports.map((report, i) => {
    const awaitCapture = options.awaitCaptureOf?.has(report.id) ?? options.awaitCapture;
    // An edit made while the page is still being captured waits for that capture too.
    const capturing = awaitCapture ? now : captureUnderWay(queued, report.id);
    return { report, local: localReport(report, now, previous[i], capturing), capturing };
  });
  // A report saved again replaces its queued upserts that were never sent.
  await db.outbox.bulkDelete(queued.flatMap((entry) => (entry.seq! > sent ? [entry.seq!] : [])));
  await db.reports.bulkPut(locals.map(({ local }) => local));
  await db.outbox.bulkAdd(
    locals.map(({ report, capturing }) => ({
      ...upsertEntry(report, now),
      ...(capturing !== undefined ? { awaitingCapture: capturing } : {}),
    })),
  );
  const fresh = reports.filter((_, i) => !previous[i]);
  if (fresh.length > 0) await countTopics(db, fresh);
  const last = fresh.at(-1);
  if (last && options.rememberForm !== false) await rememberFormValues(db, last);
  return locals.map(({ local }) => local);
}

/** The report as stored: what the server told of it kept, its evidence state worked out. */
function localReport(
  report: ReportInput,
  now: number,
  previous: LocalReport | undefined,
  capturing: number | undefined,
): LocalReport {
  const local: LocalReport = {
    ...report,
    state: 'pending',
    updatedAt: now,
    urlKeyHash: urlKeyHash(canonicalUrl(report.url)),
  };
  if (previous?.reviewStatus) local.reviewStatus = previous.reviewStatus;
  if (previous?.serverVersion) local.serverVersion = previous.serverVersion;
  if (capturing !== undefined) local.evidenceState = 'capturing';
  else keepEvidenceState(local, previous);
  if (previous?.reporterComment) local.reporterComment = previous.reporterComment;
  return local;
}

/** Queues a stored report again as it is (the popup's "retry" of a rejected report). */
export async function requeueReport(
  db: WebTaggerDb,
  reportId: string,
  at: number,
): Promise<LocalReport | undefined> {
  const report = await db.reports.get(reportId);
  if (!report) return undefined;
  return saveReport(db, reportInputOf(report), { at });
}

/** Deletes a report locally and, if the server may know it, queues its deletion. */
export async function deleteReport(db: WebTaggerDb, reportId: string, at: number): Promise<void> {
  await db.transaction('rw', db.reports, db.outbox, db.meta, async () => {
    const report = await db.reports.get(reportId);
    if (!report) return;
    await dropUnsentEntries(db, reportId);
    const attempted = await db.outbox.where('reportId').equals(reportId).count();
    // A report none of whose upserts ever left the browser is unknown to the server.
    const serverMayKnowIt = report.serverVersion !== undefined || attempted > 0;
    await db.reports.delete(reportId);
    if (serverMayKnowIt) {
      await db.outbox.add({
        mutation: { id: crypto.randomUUID(), op: 'delete', reportId },
        reportId,
        queuedAt: at,
      });
    }
  });
}

/** The report as it is pushed, without the extension's own bookkeeping. */
export function reportInputOf(report: LocalReport): ReportInput {
  const {
    state: _state,
    updatedAt: _updatedAt,
    urlKeyHash: _hash,
    rejection: _rejection,
    reviewStatus: _reviewStatus,
    reporterComment: _reporterComment,
    serverVersion: _serverVersion,
    evidenceState: _evidenceState,
    captureProblem: _captureProblem,
    ...input
  } = report;
  return input;
}

function upsertEntry(report: ReportInput, now: number): OutboxEntry {
  return {
    mutation: { id: crypto.randomUUID(), op: 'upsert', report },
    reportId: report.id,
    queuedAt: now,
    ...(report.evidence ? { evidenceSha256: report.evidence.sha256 } : {}),
    ...(report.files?.length ? { fileShas: report.files.map((f) => f.sha256) } : {}),
  };
}

/** An edit keeps what is known of the evidence it carries (its files, or why it has none). */
function keepEvidenceState(local: LocalReport, previous: LocalReport | undefined) {
  if (previous?.evidenceState === 'captured' && local.files?.length) {
    local.evidenceState = 'captured';
  }
  if (previous?.evidenceState === 'failed' && !local.files?.length) {
    local.evidenceState = 'failed';
    if (previous.captureProblem) local.captureProblem = previous.captureProblem;
  }
}

async function rememberFormValues(db: WebTaggerDb, report: ReportInput) {
  const { resourceType, languages, geography, openness, availability, topics } = report;
  await setMeta(db, 'lastUsed', {
    resourceType,
    languages,
    geography,
    openness,
    availability,
    topics,
  });
}

async function countTopics(db: WebTaggerDb, reports: readonly ReportInput[]) {
  const usage = (await getMeta(db, 'topicUsage')) ?? {};
  for (const report of reports) {
    for (const topic of report.topics) usage[topic] = (usage[topic] ?? 0) + 1;
  }
  await setMeta(db, 'topicUsage', usage);
}

/**
 * When the capture that a queued upsert of the report waits for began, if one does: the first
 * such entry, as `queued` is in the `reportId` index's order (then by `seq`).
 */
function captureUnderWay(queued: readonly OutboxEntry[], reportId: string): number | undefined {
  return queued.find((entry) => entry.reportId === reportId && entry.awaitingCapture !== undefined)
    ?.awaitingCapture;
}

/** Drops queued mutations of a report that were never sent; returns how many. */
async function dropUnsentEntries(db: WebTaggerDb, reportId: string): Promise<number> {
  const sent = await sentUpTo(db);
  return db.outbox
    .where('reportId')
    .equals(reportId)
    .filter((entry) => entry.seq! > sent)
    .delete();
}
