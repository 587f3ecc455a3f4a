import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { and, eq, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Storage } from '../../db/open';
import { eraseFreedSpace } from '../../db/physical-erasure';
import {
  auditEvents,
  consents,
  documents,
  erasures,
  reports,
  tokens,
  users,
} from '../../db/schema';
import { documentFiles } from '../accounts/document-files';
import { recordAudit } from '../audit/audit-service';

const DAY_MS = 86_400_000;
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
  storage: Storage,
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
  for (;;) {
    const due = dueAccounts(storage, cutoff);
    if (due.length === 0) {
      // The rows are overwritten; now the bytes they held go too (WAL, free pages). The WAL is
      // truncated on every run, so a run that failed here is made good by the next one.
      const destroyed = act.userIds.length + (expired?.userIds.length ?? 0);
      eraseFreedSpace(storage.sqlite, { rebuild: destroyed > 0 });
      return act;
    }
    // Files first: if the run stops before the database is done, the next run removes nothing
    // twice and finishes the rows; the reverse order could leave files nobody points to.
    act.files += await removeDocumentFiles(storage, due);
    const batch = destroyRows(storage, due, options.now, {
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
  storage: Storage,
  options: { now: Date; pendingDays: number },
): Promise<ExpiryAct> {
  const cutoff = new Date(options.now.getTime() - options.pendingDays * DAY_MS).toISOString();
  const act: ExpiryAct = { userIds: [], files: 0, documents: 0 };
  for (;;) {
    const due = storage.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.status, 'pending'), lte(users.createdAt, cutoff)))
      .limit(BATCH)
      .all()
      .map((row) => row.id);
    if (due.length === 0) return act;
    act.files += await removeDocumentFiles(storage, due);
    storage.db
      .update(users)
      .set({ status: 'closed', closedAt: options.now.toISOString() })
      .where(and(inArray(users.id, due), eq(users.status, 'pending')))
      .run();
    const batch = destroyRows(storage, due, options.now, {
      action: 'registration.expired_destroyed',
      details: { cutoff, pendingDays: options.pendingDays },
    });
    act.userIds.push(...due);
    act.documents += batch.documents;
  }
}

function dueAccounts(storage: Storage, cutoff: string): string[] {
  return storage.db
    .select({ id: users.id })
    .from(users)
    .leftJoin(erasures, eq(erasures.userId, users.id))
    .where(
      and(
        eq(users.status, 'closed'),
        lte(users.closedAt, cutoff),
        or(isNull(erasures.userId), isNull(erasures.destroyedAt)),
      ),
    )
    .limit(BATCH)
    .all()
    .map((row) => row.id);
}

async function removeDocumentFiles(storage: Storage, userIds: string[]): Promise<number> {
  const files = documentFiles(storage.dataDir);
  const ids = storage.db
    .select({ id: documents.id })
    .from(documents)
    .where(inArray(documents.userId, userIds))
    .all();
  let removed = 0;
  for (const { id } of ids) {
    const exists = await stat(join(files.dir, id)).then(
      () => true,
      () => false,
    );
    await files.destroy(id);
    if (exists) removed += 1;
  }
  return removed;
}

function destroyRows(
  storage: Storage,
  userIds: string[],
  now: Date,
  act: { action: string; details: Record<string, unknown> },
) {
  const at = now.toISOString();
  const { db } = storage;
  return db.transaction(
    (tx) => {
      for (const id of userIds) {
        tx.update(users)
          .set({
            email: `erased-${randomUUID()}@invalid`,
            fullName: '',
            organization: '',
            position: '',
            phone: null,
            passwordHash: '',
            updatedAt: at,
          })
          .where(eq(users.id, id))
          .run();
        tx.insert(erasures)
          .values({ userId: id, destroyedAt: at })
          .onConflictDoUpdate({ target: erasures.userId, set: { destroyedAt: at } })
          .run();
      }
      const counts = {
        documents: tx
          .update(documents)
          .set({ originalName: '' })
          .where(inArray(documents.userId, userIds))
          .run().changes,
        consentRecords: tx
          .update(consents)
          .set({ ip: null, userAgent: null })
          .where(inArray(consents.userId, userIds))
          .run().changes,
        auditEvents: tx
          .update(auditEvents)
          .set({ ip: null })
          .where(
            and(
              isNotNull(auditEvents.ip),
              or(
                inArray(auditEvents.actorUserId, userIds),
                and(eq(auditEvents.subjectType, 'user'), inArray(auditEvents.subjectId, userIds)),
              ),
            ),
          )
          .run().changes,
        sessions: tx.delete(tokens).where(inArray(tokens.userId, userIds)).run().changes,
        // Text accepted under a representation basis holds a represented person's data, and
        // that basis (the user's document) is gone now.
        reportsRedacted: tx
          .update(reports)
          .set({ note: '', geography: sql`json_remove(${reports.geography}, '$.locality')` })
          .where(and(inArray(reports.userId, userIds), isNotNull(reports.personalDataKinds)))
          .run().changes,
      };
      recordAudit(tx, {
        action: act.action,
        at: now,
        subjectType: 'retention',
        details: { userIds, ...counts, ...act.details },
      });
      return counts;
    },
    { behavior: 'immediate' },
  );
}
