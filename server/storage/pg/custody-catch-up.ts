import { and, asc, isNotNull, isNull, sql } from 'drizzle-orm';
import {
  custodyEvents,
  evidence,
  evidenceTimestamps,
  materialStatusChanges,
  reports,
} from '../../db/pg-schema';
import {
  custodyFactsByMaterial,
  groupBy,
  referencedHashes,
  sealedAppends,
} from '../evidence-facts';
import type { CustodyFacts, EvidenceStore } from '../evidence-store';
import { anyOf } from './any-of';
import type { PgDb, PgTx } from './handles';
import { insertRecordset } from './recordset';

// The class of the advisory locks that keep one material's custody log a single chain.
const CUSTODY_LOCK = 0x637573; // 'cus'

/**
 * In one transaction: locks the materials' logs, reads them and what the database holds of the
 * materials — six statements for all of them rather than six per material, as a push names up
 * to 500 — and appends what `seal` makes of each material's log and facts.
 */
export async function catchUpCustody(
  db: PgDb,
  materialIds: string[],
  seal: Parameters<EvidenceStore['catchUpCustody']>[1],
): Promise<number> {
  const ids = [...new Set(materialIds)].sort();
  if (ids.length === 0) return 0;
  return db.transaction(async (tx) => {
    // One appender per material at a time, on any replica: the logs are read after the locks
    // (each statement sees what committed before it), so a second appender continues the chain
    // from the first one's last event instead of forking it. The locks are taken in one order
    // (the array's, which a function scan keeps), so two pushes naming the same materials never
    // wait on each other in a ring.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${CUSTODY_LOCK}, hashtext(id))
      FROM jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb) AS id`);
    const logs = groupBy(
      await tx
        .select({
          materialId: custodyEvents.materialId,
          seq: custodyEvents.seq,
          hash: custodyEvents.hash,
          event: custodyEvents.event,
        })
        .from(custodyEvents)
        .where(anyOf(custodyEvents.materialId, ids))
        .orderBy(asc(custodyEvents.materialId), asc(custodyEvents.seq)),
      (row) => row.materialId,
    );
    const facts = await custodyFactsOfMaterials(tx, ids);
    const rows = sealedAppends(ids, logs, facts, seal);
    if (rows.length > 0) await tx.execute(insertRecordset(custodyEvents, rows));
    return rows.length;
  });
}

/** What the database holds of each material that its custody log must record. */
async function custodyFactsOfMaterials(
  tx: PgTx,
  materialIds: string[],
): Promise<Map<string, CustodyFacts>> {
  const live = await tx
    .select({
      materialId: reports.materialId,
      id: reports.id,
      version: reports.version,
      userId: reports.userId,
      url: reports.url,
      updatedAt: reports.updatedAt,
      evidence: reports.evidence,
      files: reports.files,
    })
    .from(reports)
    .where(and(anyOf(reports.materialId, materialIds), isNull(reports.deletedAt)))
    .orderBy(asc(reports.materialId), asc(reports.createdAt), asc(reports.id));
  const shas = referencedHashes(live);
  const stored = shas.length
    ? await tx.select().from(evidence).where(anyOf(evidence.sha256, shas))
    : [];
  const stamps = shas.length
    ? await tx
        .select()
        .from(evidenceTimestamps)
        .where(
          and(anyOf(evidenceTimestamps.sha256, shas), isNotNull(evidenceTimestamps.tokenSha256)),
        )
    : [];
  const decisions = await tx
    .select()
    .from(materialStatusChanges)
    .where(anyOf(materialStatusChanges.materialId, materialIds))
    .orderBy(asc(materialStatusChanges.materialId), asc(materialStatusChanges.id));
  return custodyFactsByMaterial({ materialIds, live, stored, stamps, decisions });
}
