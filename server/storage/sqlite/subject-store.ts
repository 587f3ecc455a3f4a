import { asc, desc, eq, getTableColumns } from 'drizzle-orm';
import {
  auditEvents,
  consents,
  disclosureSubjects,
  disclosures,
  documents,
  erasures,
  materials,
  reports,
  tokens,
  users,
} from '../../db/schema';
import {
  disclosureOfSubjectColumns,
  eventsOfPersonWhere,
  sessionColumns,
} from '../account-conditions';
import type { SubjectRecords, SubjectStore } from '../subject-store';
import type { Db } from './handles';

type Reader = Pick<Db, 'select'>;

/** A data subject's records on SQLite. */
export function sqliteSubjectStore(db: Db): SubjectStore {
  return {
    async collect(userId) {
      return db.transaction((tx) => collect(tx, userId));
    },

    async erasureRequests(limit) {
      return db.select().from(erasures).orderBy(desc(erasures.requestedAt)).limit(limit).all();
    },
  };
}

function collect(tx: Reader, userId: string): SubjectRecords | undefined {
  const user = tx.select().from(users).where(eq(users.id, userId)).get();
  if (!user) return undefined;
  const docs = tx
    .select()
    .from(documents)
    .where(eq(documents.userId, userId))
    .orderBy(asc(documents.createdAt), asc(documents.id))
    .all();
  const documentIds = docs.map((d) => d.id);
  return {
    user,
    consents: tx
      .select()
      .from(consents)
      .where(eq(consents.userId, userId))
      .orderBy(asc(consents.id))
      .all(),
    documents: docs,
    sessions: tx
      .select(sessionColumns(tokens))
      .from(tokens)
      .where(eq(tokens.userId, userId))
      .orderBy(asc(tokens.createdAt))
      .all(),
    reports: tx
      .select({ ...getTableColumns(reports), status: materials.status })
      .from(reports)
      .innerJoin(materials, eq(materials.id, reports.materialId))
      .where(eq(reports.userId, userId))
      .orderBy(asc(reports.createdAt), asc(reports.id))
      .all(),
    auditEvents: tx
      .select()
      .from(auditEvents)
      .where(eventsOfPersonWhere(auditEvents, userId, documentIds))
      .orderBy(asc(auditEvents.id))
      .all()
      .map((row) => ({ ...row, details: row.details ?? null })),
    disclosures: tx
      .select(disclosureOfSubjectColumns(disclosures, disclosureSubjects))
      .from(disclosureSubjects)
      .innerJoin(disclosures, eq(disclosures.id, disclosureSubjects.disclosureId))
      .where(eq(disclosureSubjects.userId, userId))
      .orderBy(asc(disclosures.createdAt))
      .all(),
  };
}
