import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import {
  materials,
  noticeMaterials,
  noticeRecipients,
  noticeResponses,
  notices,
  reports,
} from '../../db/schema';
import * as noticeRows from '../notice-rows';
import type { NoticeMaterialRecord, NoticeStore } from '../notices-store';
import { insertAuditEvent } from './audit-store';
import type { Db } from './handles';

/** Recipients and notices on SQLite. */
export function sqliteNoticeStore(db: Db): NoticeStore {
  return {
    async recipients() {
      return db.select().from(noticeRecipients).orderBy(asc(noticeRecipients.name)).all();
    },

    async recipient(id) {
      return db.select().from(noticeRecipients).where(eq(noticeRecipients.id, id)).get();
    },

    async saveRecipient(row, audit) {
      db.transaction((tx) => {
        tx.insert(noticeRecipients)
          .values(row)
          .onConflictDoUpdate({
            target: noticeRecipients.id,
            set: noticeRows.recipientChanges(row),
          })
          .run();
        insertAuditEvent(tx, audit);
      });
    },

    async create(notice, materialIds, audit) {
      return db.transaction(
        (tx) => {
          const recipient = tx
            .select({ id: noticeRecipients.id })
            .from(noticeRecipients)
            .where(eq(noticeRecipients.id, notice.recipientId))
            .get();
          if (!recipient) return { kind: 'unknown_recipient' as const };
          const found = tx
            .select({ id: materials.id })
            .from(materials)
            .where(inArray(materials.id, materialIds))
            .all();
          const { unknown, rows } = noticeRows.noticeMaterialRows(notice, materialIds, found);
          if (unknown.length > 0) return { kind: 'unknown_materials' as const, ids: unknown };
          tx.insert(notices).values(notice).run();
          tx.insert(noticeMaterials).values(rows).run();
          insertAuditEvent(tx, audit);
          return { kind: 'created' as const };
        },
        { behavior: 'immediate' },
      );
    },

    async find(id) {
      const row = db
        .select({ notice: notices, recipient: noticeRecipients })
        .from(notices)
        .innerJoin(noticeRecipients, eq(noticeRecipients.id, notices.recipientId))
        .where(eq(notices.id, id))
        .get();
      if (!row) return undefined;
      const listed = db
        .select(noticeRows.listedColumns(materials))
        .from(noticeMaterials)
        .innerJoin(materials, eq(materials.id, noticeMaterials.materialId))
        .where(eq(noticeMaterials.noticeId, id))
        .orderBy(asc(noticeMaterials.position))
        .all();
      const responses = db
        .select()
        .from(noticeResponses)
        .where(eq(noticeResponses.noticeId, id))
        .orderBy(...noticeRows.responsesOrder(noticeResponses))
        .all();
      return { ...row, materials: evidenceOf(db, listed), responses };
    },

    async list(filter) {
      return db
        .select(noticeRows.noticeListColumns({ notices, noticeRecipients, noticeMaterials }))
        .from(notices)
        .innerJoin(noticeRecipients, eq(noticeRecipients.id, notices.recipientId))
        .leftJoin(noticeMaterials, eq(noticeMaterials.noticeId, notices.id))
        .where(noticeRows.listingMaterial({ notices, noticeMaterials }, filter.materialId))
        .groupBy(notices.id)
        .orderBy(desc(notices.createdAt), desc(notices.id))
        .all();
    },

    async update(update) {
      return db.transaction(
        (tx) => {
          const row = tx
            .select({ status: notices.status })
            .from(notices)
            .where(eq(notices.id, update.id))
            .get();
          const refused = noticeRows.noticeRefusal(update, row);
          if (refused) return refused;
          tx.update(notices).set(update.set).where(eq(notices.id, update.id)).run();
          if (update.response) tx.insert(noticeResponses).values(update.response).run();
          insertAuditEvent(tx, update.audit);
          return { kind: 'updated' as const };
        },
        { behavior: 'immediate' },
      );
    },

    async markOverdue(found, at) {
      if (found.length === 0) return;
      db.transaction(
        (tx) => {
          for (const { id, audit } of found) {
            const marked = tx
              .update(notices)
              .set({ overdueRecordedAt: at })
              .where(and(eq(notices.id, id), isNull(notices.overdueRecordedAt)))
              .run();
            if (marked.changes > 0) insertAuditEvent(tx, audit);
          }
        },
        { behavior: 'immediate' },
      );
    },
  };
}

function evidenceOf(
  db: Db,
  listed: Omit<NoticeMaterialRecord, 'evidenceSha256'>[],
): NoticeMaterialRecord[] {
  if (listed.length === 0) return [];
  const live = noticeRows.liveReportsOf(reports, listed);
  const rows = db
    .select({ materialId: reports.materialId, evidence: reports.evidence, files: reports.files })
    .from(reports)
    .where(live.where)
    .orderBy(...live.orderBy)
    .all();
  return noticeRows.withEvidence(listed, rows);
}
