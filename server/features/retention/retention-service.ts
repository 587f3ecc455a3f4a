import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Storage } from '../../storage';
import type { DestructionCounts } from '../../storage/retention-store';
import { documentFiles } from '../accounts/document-files';

type RetentionStorage = Pick<Storage, 'retention' | 'limits' | 'dataDir'>;

const DAY_MS = 86_400_000;
/** Failures the abuse limits counted are kept no longer than this (their windows are shorter). */
const LIMIT_FAILURES_DAYS = 1;
/** Accounts destroyed per transaction (and per act of destruction in the audit log). */
const BATCH = 100;

/** What one run of retention destroyed: the act recorded in the audit log. */
export type DestructionAct = {
  at: string;
  /** Accounts closed on or before this moment were due. */
  cutoff: string;
  retentionDays: number;
  userIds: string[];
  documents: number;
  files: number;
  consentRecords: number;
  auditEvents: number;
  sessions: number;
  reportsRedacted: number;
  /** Registrations nobody approved in time, destroyed in the same run (their own act). */
  registrationsExpired: string[];
};

/**
 * Destroys the personal data of accounts closed more than `retentionDays` ago: the profile
 * (e-mail replaced by a pseudonym that names nobody), document files and names, where consents
 * and audited actions came from, sessions, and the text of reports that carried a represented
 * person's data. Reports stay, under an account id that no longer leads to anyone.
 * Each batch is recorded in the audit log as an act of destruction. Safe to run again at any time.
 */
export async function runRetention(
  storage: RetentionStorage,
  options: { now: Date; retentionDays: number; pendingDays?: number },
): Promise<DestructionAct> {
  const expired =
    options.pendingDays === undefined
      ? undefined
      : await expireRegistrations(storage, { now: options.now, pendingDays: options.pendingDays });
  const cutoff = new Date(options.now.getTime() - options.retentionDays * DAY_MS).toISOString();
  const act: DestructionAct = {
    at: options.now.toISOString(),
    cutoff,
    retentionDays: options.retentionDays,
    userIds: [],
    documents: 0,
    files: 0,
    consentRecords: 0,
    auditEvents: 0,
    sessions: 0,
    reportsRedacted: 0,
    registrationsExpired: expired?.userIds ?? [],
  };
  // The limits' failures are keyed by client addresses: none outlives a day, whoever it was.
  await storage.limits.forget(
    new Date(options.now.getTime() - LIMIT_FAILURES_DAYS * DAY_MS).toISOString(),
  );
  for (;;) {
    const due = await storage.retention.dueClosed(cutoff, BATCH);
    if (due.length === 0) {
      // The rows are overwritten; now the bytes they held go too (WAL, free pages). The WAL is
      // truncated on every run, so a run that failed here is made good by the next one.
      const destroyed = act.userIds.length + (expired?.userIds.length ?? 0);
      await storage.retention.eraseFreedSpace({ rebuild: destroyed > 0 });
      return act;
    }
    // Files first: if the run stops before the database is done, the next run removes nothing
    // twice and finishes the rows; the reverse order could leave files nobody points to.
    act.files += await removeDocumentFiles(storage, due);
    const batch = await destroyRows(storage, due, options.now, {
      action: 'retention.personal_data_destroyed',
      details: { cutoff, retentionDays: options.retentionDays },
    });
    act.userIds.push(...due);
    act.documents += batch.documents;
    act.consentRecords += batch.consentRecords;
    act.auditEvents += batch.auditEvents;
    act.sessions += batch.sessions;
    act.reportsRedacted += batch.reportsRedacted;
  }
}

/** What expiring registrations nobody approved destroyed: the act recorded in the audit log. */
export type ExpiryAct = { userIds: string[]; files: number; documents: number };

/**
 * Registrations that waited for approval longer than `pendingDays` expire: the account is closed
 * and its personal data and documents are destroyed at once (nobody ever approved the person to
 * use the system, so nothing needs keeping), recorded as `registration.expired_destroyed`.
 */
export async function expireRegistrations(
  storage: RetentionStorage,
  options: { now: Date; pendingDays: number },
): Promise<ExpiryAct> {
  const cutoff = new Date(options.now.getTime() - options.pendingDays * DAY_MS).toISOString();
  const act: ExpiryAct = { userIds: [], files: 0, documents: 0 };
  for (;;) {
    const due = await storage.retention.duePending(cutoff, BATCH);
    if (due.length === 0) return act;
    act.files += await removeDocumentFiles(storage, due);
    const batch = await destroyRows(
      storage,
      due,
      options.now,
      {
        action: 'registration.expired_destroyed',
        details: { cutoff, pendingDays: options.pendingDays },
      },
      options.now.toISOString(),
    );
    act.userIds.push(...due);
    act.documents += batch.documents;
  }
}

async function removeDocumentFiles(storage: RetentionStorage, userIds: string[]): Promise<number> {
  const files = documentFiles(storage.dataDir);
  let removed = 0;
  for (const id of await storage.retention.documentIdsOf(userIds)) {
    const exists = await stat(join(files.dir, id)).then(
      () => true,
      () => false,
    );
    await files.destroy(id);
    if (exists) removed += 1;
  }
  return removed;
}

/** Destroys the accounts' rows in one transaction, recorded as `act`; closes pending ones first when `closePendingAt` is given. */
function destroyRows(
  storage: RetentionStorage,
  userIds: string[],
  now: Date,
  act: { action: string; details: Record<string, string | number> },
  closePendingAt?: string,
): Promise<DestructionCounts> {
  // The pseudonym names nobody and stays unique, as e-mails must.
  const accounts = userIds.map((userId) => ({
    userId,
    pseudonym: `erased-${randomUUID()}@invalid`,
  }));
  return storage.retention.destroy(accounts, now.toISOString(), { closePendingAt }, (counts) => ({
    action: act.action,
    at: now,
    subjectType: 'retention',
    details: { userIds, ...counts, ...act.details },
  }));
}
