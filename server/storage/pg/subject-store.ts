import { asc, desc, eq, getTableColumns } from 'drizzle-orm';
import {
  auditEvents,
  consents,
  disclosureSubjects,
  disclosures,
  erasures,
  materials,
  reports,
  tokens,
  users,
} from '../../db/pg-schema';
import {
  disclosureOfSubjectColumns,
  eventsOfPersonWhere,
  sessionColumns,
} from '../account-conditions';
import type { SubjectRecords, SubjectStore } from '../subject-store';
import { documentsOfUsers } from './documents-store';
import type { PgDb, PgTx } from './handles';

/** A data subject's records on PostgreSQL. */
export function pgSubjectStore(db: PgDb): SubjectStore {
  return {
    async collect(userId) {
      // One snapshot, as SQLite reads it: no part newer than another.
      return db.transaction((tx) => collect(tx, userId), {
        isolationLevel: 'repeatable read',
        accessMode: 'read only',
      });
    },

    async erasureRequests(limit) {
      return db.select().from(erasures).orderBy(desc(erasures.requestedAt)).limit(limit);
    },
  };
}

async function collect(tx: PgTx, userId: string): Promise<SubjectRecords | undefined> {
  const [user] = await tx.select().from(users).where(eq(users.id, userId));
  if (!user) return undefined;
  const docs = await documentsOfUsers(tx, [userId]);
  const documentIds = docs.map((d) => d.id);
  const events = await tx
    .select()
    .from(auditEvents)
    .where(eventsOfPersonWhere(auditEvents, userId, documentIds))
    .orderBy(asc(auditEvents.id));
  return {
    user,
    consents: await tx
      .select()
      .from(consents)
      .where(eq(consents.userId, userId))
      .orderBy(asc(consents.id)),
    documents: docs,
    sessions: await tx
      .select(sessionColumns(tokens))
      .from(tokens)
      .where(eq(tokens.userId, userId))
      .orderBy(asc(tokens.createdAt)),
    reports: await tx
      .select({ ...getTableColumns(reports), status: materials.status })
      .from(reports)
      .innerJoin(materials, eq(materials.id, reports.materialId))
      .where(eq(reports.userId, userId))
      .orderBy(asc(reports.createdAt), asc(reports.id)),
    auditEvents: events.map((row) => ({ ...row, details: row.details ?? null })),
    disclosures: await tx
      .select(disclosureOfSubjectColumns(disclosures, disclosureSubjects))
      .from(disclosureSubjects)
      .innerJoin(disclosures, eq(disclosures.id, disclosureSubjects.disclosureId))
      .where(eq(disclosureSubjects.userId, userId))
      .orderBy(asc(disclosures.createdAt)),
  };
}
