import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { PersonalDataKind } from '#shared/personal-data/types';
import type { ReviewStatus } from '#shared/review-status';
import type { ErrorCode } from '#shared/schemas/errors';
import type { EvidenceFile, EvidenceFileMime, ReportInput } from '#shared/schemas/report';
import type { Mutation } from '#shared/schemas/sync';
import { DB_NAME, type DbOpener } from './local-db';

/** Where a report is on its way to the server (client-only, taxonomy.md). */
export type LocalState = 'draft' | 'pending' | 'syncing' | 'synced' | 'rejected';

export type Rejection = {
  code: ErrorCode;
  message: string;
  findings?: { field?: string; kind: PersonalDataKind; start: number; end: number }[];
};

/** A report as the extension keeps it: what the analyst typed plus its local and server state. */
export type LocalReport = ReportInput & {
  state: LocalState;
  /** Local time of the last change, ms since epoch. */
  updatedAt: number;
  urlKeyHash: string;
  rejection?: Rejection;
  reviewStatus?: ReviewStatus;
  /** What the reviewers said to the reporters with the decision that set `reviewStatus`. */
  reporterComment?: string;
  serverVersion?: number;
  /**
   * Where the report's evidence is: being captured (its upsert waits), or why it was saved
   * without it (capture.ts's `CaptureProblem`).
   */
  evidenceState?: 'capturing' | 'captured' | 'failed';
  captureProblem?: string;
};

/**
 * One mutation waiting to be pushed; its payload is fixed when queued, so a retry is identical.
 * Whether it was ever sent is told by its `seq` against the `sentUpTo` mark (outbox-queries.ts).
 */
export type OutboxEntry = {
  seq?: number;
  mutation: Mutation;
  reportId: string;
  queuedAt: number;
  /** The evidence an upsert refers to: uploaded once the server has answered the upsert. */
  evidenceSha256?: string;
  /** The evidence files (`report.files`) an upsert refers to, uploaded the same way. */
  fileShas?: string[];
  /**
   * Set (to when it began) while the report's evidence is being captured: the drain stops before
   * this entry until the capture ends or is given up (storage/capture-state.ts).
   */
  awaitingCapture?: number;
};

/**
 * An evidence file kept locally until the server holds it and no queued report refers to it. It
 * is uploaded after its report: a file never holds a report back. Its bytes are kept apart
 * (`EvidenceBytes`): marking a file due, uploaded or failed rewrites this small record only.
 */
export type EvidenceEntry = {
  sha256: string;
  mime: EvidenceFileMime;
  bytes: number;
  /** Absent for the single screenshot of earlier versions. */
  kind?: EvidenceFile['kind'];
  fullPage?: boolean;
  /** When it was captured, ms since epoch. */
  storedAt: number;
  /**
   * Set (to when) once a report listing it was answered, while the file waits for its upload:
   * indexed, so that the drain finds the files to send without reading every file.
   */
  dueAt?: number;
  /** When the server confirmed it holds these bytes (or refused them, see `refusedWith`). */
  uploadedAt?: number;
  /** The server's code when it refused the file itself (the report is pushed regardless). */
  refusedWith?: string;
  /** Uploads the server answered with an error that a retry might cure. */
  failedAttempts?: number;
};

/**
 * An evidence file's bytes, under its SHA-256: a Blob, whose bytes IndexedDB keeps apart from the
 * record, so that reading and sending them do not copy them through the worker's memory
 * (ArrayBuffer in files stored by earlier versions, sent the same way). Written once, when the
 * file is stored, and never again as the file's record changes.
 */
export type EvidenceBytes = { sha256: string; data: Blob | ArrayBuffer };

export type MetaEntry = { key: string; value: unknown };
export type KnownUrl = { hash: string };

/**
 * The extension's database opened with Dexie: the `DbOpener` of every page once Dexie is loaded
 * (the background, tests), its own `dexie()`.
 */
export class WebTaggerDb extends Dexie implements DbOpener {
  reports!: EntityTable<LocalReport, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  knownUrls!: EntityTable<KnownUrl, 'hash'>;
  meta!: EntityTable<MetaEntry, 'key'>;
  evidence!: EntityTable<EvidenceEntry, 'sha256'>;
  evidenceBytes!: EntityTable<EvidenceBytes, 'sha256'>;

  // The popup's first paint reads it by this name without Dexie (local-db.ts).
  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      reports: 'id, state, updatedAt, urlKeyHash',
      outbox: '++seq, reportId',
      knownUrls: 'hash',
      meta: 'key',
    });
    // v2: pending lists page by [state+updatedAt]; evidence blobs; the outbox knows which
    // evidence each entry needs; "sent" is one mark instead of a counter on every entry; topic
    // usage counters feed the link menu.
    this.version(2)
      .stores({
        reports: 'id, state, updatedAt, urlKeyHash, [state+updatedAt]',
        outbox: '++seq, reportId, evidenceSha256',
        evidence: 'sha256, storedAt',
      })
      .upgrade(upgradeToV2);
    // v3: an upsert names several evidence files (a full-page screenshot and a page copy).
    this.version(3).stores({
      outbox: '++seq, reportId, evidenceSha256, *fileShas, awaitingCapture',
    });
    // v4: states are counted through `[state+updatedAt]`; a `state` index of its own was one more
    // index entry to write for every report the sync settles.
    this.version(4).stores({
      reports: 'id, updatedAt, urlKeyHash, [state+updatedAt]',
    });
    // v5: files upload after their reports are answered; those waiting are found by `dueAt`.
    this.version(5).stores({
      evidence: 'sha256, storedAt, dueAt',
    });
    // v6: a file's bytes move to a table of their own. Each mark on a file record holding its Blob
    // stored the Blob again: 40 files marked due took about 120 ms in Chromium, 13 ms without.
    this.version(6).stores({ evidenceBytes: 'sha256' }).upgrade(moveEvidenceBytes);
  }

  dexie(): Promise<WebTaggerDb> {
    return Promise.resolve(this);
  }
}

async function moveEvidenceBytes(tx: Transaction) {
  const files = tx.table<EvidenceEntry & { data?: EvidenceBytes['data'] }, string>('evidence');
  const held = (await files.toArray()).flatMap(({ sha256, data }) =>
    data === undefined ? [] : [{ sha256, data }],
  );
  await tx.table<EvidenceBytes, string>('evidenceBytes').bulkPut(held);
  await files.toCollection().modify((file) => {
    delete file.data;
  });
}

async function upgradeToV2(tx: Transaction) {
  let sentUpTo = 0;
  await tx
    .table<OutboxEntry & { attempts?: number }, number>('outbox')
    .toCollection()
    .modify((entry) => {
      const sha =
        entry.mutation.op === 'upsert' ? entry.mutation.report.evidence?.sha256 : undefined;
      if (sha) entry.evidenceSha256 = sha;
      if ((entry.attempts ?? 0) > 0) sentUpTo = Math.max(sentUpTo, entry.seq ?? 0);
      delete entry.attempts;
    });
  if (sentUpTo > 0) {
    await tx.table<MetaEntry, string>('meta').put({ key: 'sentUpTo', value: sentUpTo });
  }
  const usage: Record<string, number> = {};
  await tx.table<LocalReport, string>('reports').each((report) => {
    for (const topic of report.topics) usage[topic] = (usage[topic] ?? 0) + 1;
  });
  await tx.table<MetaEntry, string>('meta').put({ key: 'topicUsage', value: usage });
}
