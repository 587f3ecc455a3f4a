import { and, asc, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/open';
import {
  materials,
  noticeMaterials,
  noticeRecipients,
  noticeResponses,
  notices,
  reports,
} from '../../db/schema';
import { hashesByMaterial } from '../evidence-facts';
import type { NoticeMaterialRecord, NoticeStore } from '../notices-store';
import { insertAuditEvent } from './audit-store';

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
        const { id: _, createdAt: __, ...changes } = row;
        tx.insert(noticeRecipients)
          .values(row)
          .onConflictDoUpdate({ target: noticeRecipients.id, set: changes })
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
          const known = new Set(
            tx
              .select({ id: materials.id })
              .from(materials)
              .where(inArray(materials.id, materialIds))
              .all()
              .map((m) => m.id),
          );
          const unknown = materialIds.filter((id) => !known.has(id));
          if (unknown.length > 0) return { kind: 'unknown_materials' as const, ids: unknown };
          tx.insert(notices).values(notice).run();
          tx.insert(noticeMaterials)
            .values(
              materialIds.map((materialId, position) => ({
                noticeId: notice.id,
                materialId,
                position,
              })),
            )
            .run();
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
        .select({
          id: materials.id,
          url: materials.url,
          title: materials.title,
          status: materials.status,
        })
        .from(noticeMaterials)
        .innerJoin(materials, eq(materials.id, noticeMaterials.materialId))
        .where(eq(noticeMaterials.noticeId, id))
        .orderBy(asc(noticeMaterials.position))
        .all();
      const responses = db
        .select()
        .from(noticeResponses)
        .where(eq(noticeResponses.noticeId, id))
        .orderBy(asc(noticeResponses.at), asc(noticeResponses.id))
        .all();
      return { ...row, materials: withEvidence(db, listed), responses };
    },

    async list(filter) {
      const listing = filter.materialId
        ? inArray(
            notices.id,
            db
              .select({ id: noticeMaterials.noticeId })
              .from(noticeMaterials)
              .where(eq(noticeMaterials.materialId, filter.materialId)),
          )
        : undefined;
      return db
        .select({
          notice: notices,
          recipient: {
            id: noticeRecipients.id,
            name: noticeRecipients.name,
            type: noticeRecipients.type,
          },
          materialCount: count(noticeMaterials.materialId),
        })
        .from(notices)
        .innerJoin(noticeRecipients, eq(noticeRecipients.id, notices.recipientId))
        .leftJoin(noticeMaterials, eq(noticeMaterials.noticeId, notices.id))
        .where(listing)
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
          if (!row) return { kind: 'not_found' as const };
          if (!update.from.includes(row.status)) {
            return { kind: 'not_allowed' as const, from: row.status };
          }
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

/** The SHA-256 of every evidence file of the materials' live reports, without repeats. */
function withEvidence(
  db: Db,
  listed: Omit<NoticeMaterialRecord, 'evidenceSha256'>[],
): NoticeMaterialRecord[] {
  if (listed.length === 0) return [];
  const rows = db
    .select({ materialId: reports.materialId, evidence: reports.evidence, files: reports.files })
    .from(reports)
    .where(
      and(
        inArray(
          reports.materialId,
          listed.map((m) => m.id),
        ),
        isNull(reports.deletedAt),
      ),
    )
    .orderBy(asc(reports.createdAt))
    .all();
  const hashes = hashesByMaterial(rows);
  return listed.map((m) => ({ ...m, evidenceSha256: hashes.get(m.id) ?? [] }));
}
