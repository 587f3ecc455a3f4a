import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import {
  materials,
  noticeMaterials,
  noticeRecipients,
  noticeResponses,
  notices,
  reports,
} from '../../db/pg-schema';
import * as noticeRows from '../notice-rows';
import type { NoticeMaterialRecord, NoticeStore } from '../notices-store';
import { insertAuditEvent } from './audit-store';
import type { PgDb } from './handles';

/** Recipients and notices on PostgreSQL. */
export function pgNoticeStore(db: PgDb): NoticeStore {
  return {
    async recipients() {
      return db.select().from(noticeRecipients).orderBy(asc(noticeRecipients.name));
    },

    async recipient(id) {
      const [row] = await db.select().from(noticeRecipients).where(eq(noticeRecipients.id, id));
      return row;
    },

    async saveRecipient(row, audit) {
      await db.transaction(async (tx) => {
        await tx
          .insert(noticeRecipients)
          .values(row)
          .onConflictDoUpdate({
            target: noticeRecipients.id,
            set: noticeRows.recipientChanges(row),
          });
        await insertAuditEvent(tx, audit);
      });
    },

    async create(notice, materialIds, audit) {
      return db.transaction(async (tx) => {
        // The recipient and the materials are held (not changed) until the notice is in.
        const [recipient] = await tx
          .select({ id: noticeRecipients.id })
          .from(noticeRecipients)
          .where(eq(noticeRecipients.id, notice.recipientId))
          .for('key share');
        if (!recipient) return { kind: 'unknown_recipient' as const };
        const found = await tx
          .select({ id: materials.id })
          .from(materials)
          .where(inArray(materials.id, materialIds))
          .for('key share');
        const { unknown, rows } = noticeRows.noticeMaterialRows(notice, materialIds, found);
        if (unknown.length > 0) return { kind: 'unknown_materials' as const, ids: unknown };
        await tx.insert(notices).values(notice);
        await tx.insert(noticeMaterials).values(rows);
        await insertAuditEvent(tx, audit);
        return { kind: 'created' as const };
      });
    },

    async find(id) {
      const [row] = await db
        .select({ notice: notices, recipient: noticeRecipients })
        .from(notices)
        .innerJoin(noticeRecipients, eq(noticeRecipients.id, notices.recipientId))
        .where(eq(notices.id, id));
      if (!row) return undefined;
      const listed = await db
        .select(noticeRows.listedColumns(materials))
        .from(noticeMaterials)
        .innerJoin(materials, eq(materials.id, noticeMaterials.materialId))
        .where(eq(noticeMaterials.noticeId, id))
        .orderBy(asc(noticeMaterials.position));
      const responses = await db
        .select()
        .from(noticeResponses)
        .where(eq(noticeResponses.noticeId, id))
        .orderBy(...noticeRows.responsesOrder(noticeResponses));
      return { ...row, materials: await evidenceOf(db, listed), responses };
    },

    async list(filter) {
      return db
        .select(noticeRows.noticeListColumns({ notices, noticeRecipients, noticeMaterials }))
        .from(notices)
        .innerJoin(noticeRecipients, eq(noticeRecipients.id, notices.recipientId))
        .leftJoin(noticeMaterials, eq(noticeMaterials.noticeId, notices.id))
        .where(noticeRows.listingMaterial({ notices, noticeMaterials }, filter.materialId))
        .groupBy(notices.id, noticeRecipients.id)
        .orderBy(desc(notices.createdAt), desc(notices.id));
    },

    async update(update) {
      return db.transaction(async (tx) => {
        // Locked until the change commits: two replicas moving the same notice take turns, and
        // the second sees the status the first left.
        const [row] = await tx
          .select({ status: notices.status })
          .from(notices)
          .where(eq(notices.id, update.id))
          .for('update');
        const refused = noticeRows.noticeRefusal(update, row);
        if (refused) return refused;
        await tx.update(notices).set(update.set).where(eq(notices.id, update.id));
        if (update.response) await tx.insert(noticeResponses).values(update.response);
        await insertAuditEvent(tx, update.audit);
        return { kind: 'updated' as const };
      });
    },

    async markOverdue(found, at) {
      if (found.length === 0) return;
      await db.transaction(async (tx) => {
        for (const { id, audit } of found) {
          // Only the replica whose update marks it records the event.
          const marked = await tx
            .update(notices)
            .set({ overdueRecordedAt: at })
            .where(and(eq(notices.id, id), isNull(notices.overdueRecordedAt)))
            .returning({ id: notices.id });
          if (marked.length > 0) await insertAuditEvent(tx, audit);
        }
      });
    },
  };
}

async function evidenceOf(
  db: PgDb,
  listed: Omit<NoticeMaterialRecord, 'evidenceSha256'>[],
): Promise<NoticeMaterialRecord[]> {
  if (listed.length === 0) return [];
  const live = noticeRows.liveReportsOf(reports, listed);
  const rows = await db
    .select({ materialId: reports.materialId, evidence: reports.evidence, files: reports.files })
    .from(reports)
    .where(live.where)
    .orderBy(...live.orderBy);
  return noticeRows.withEvidence(listed, rows);
}
