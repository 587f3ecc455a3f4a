import { and, asc, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import {
  custodyEvents,
  evidence,
  evidenceTimestamps,
  materialStatusChanges,
  reports,
} from '../../db/schema';
import type { CustodyFacts, CustodyLogRow, EvidenceStore } from '../evidence-store';

/** Keys per `IN (…)` list, well under SQLite's bound on a statement's parameters. */
const CHUNK = 500;
/** Custody rows per multi-row insert (six parameters each). */
const INSERT_ROWS = 100;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Rows of `items` grouped by `key`, each group in the order the rows came. */
function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * In one transaction: reads the logs of all the materials and what the database holds of them,
 * a few queries for all of them rather than five per material (a push names up to 500 materials),
 * and appends what `seal` makes of each material's log and facts, material by material.
 */
export function catchUpCustody(
  db: Db,
  materialIds: string[],
  seal: Parameters<EvidenceStore['catchUpCustody']>[1],
): number {
  const ids = [...new Set(materialIds)];
  if (ids.length === 0) return 0;
  return db.transaction(
    (tx) => {
      const logs = new Map<string, CustodyLogRow[]>();
      for (const part of chunks(ids, CHUNK)) {
        const rows = tx
          .select({
            materialId: custodyEvents.materialId,
            seq: custodyEvents.seq,
            hash: custodyEvents.hash,
            event: custodyEvents.event,
          })
          .from(custodyEvents)
          .where(inArray(custodyEvents.materialId, part))
          .orderBy(asc(custodyEvents.materialId), asc(custodyEvents.seq))
          .all();
        for (const [id, group] of groupBy(rows, (row) => row.materialId)) {
          logs.set(
            id,
            group.map(({ seq, hash, event }) => ({ seq, hash, event })),
          );
        }
      }
      const facts = custodyFactsOf(tx as unknown as Db, ids);
      const inserts: (typeof custodyEvents.$inferInsert)[] = [];
      for (const materialId of ids) {
        const sealed = seal(logs.get(materialId) ?? [], facts.get(materialId)!);
        for (const event of sealed) {
          inserts.push({
            materialId,
            seq: event.seq,
            type: event.type,
            at: event.at,
            hash: event.hash,
            event: JSON.stringify(event),
          });
        }
      }
      for (const part of chunks(inserts, INSERT_ROWS)) tx.insert(custodyEvents).values(part).run();
      return inserts.length;
    },
    { behavior: 'immediate' },
  );
}

/** What the database holds of each material that its custody log must record. */
function custodyFactsOf(db: Db, materialIds: string[]): Map<string, CustodyFacts> {
  const live = chunks(materialIds, CHUNK).flatMap((part) =>
    db
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
      .where(and(inArray(reports.materialId, part), isNull(reports.deletedAt)))
      // A material's reports in the order its index lists them, as when read one material at a time.
      .orderBy(asc(reports.materialId), sql`${reports}.rowid`)
      .all(),
  );
  const referenced = new Set<string>();
  const reportsOf = groupBy(
    live.map((r) => {
      const files = [
        ...(r.evidence ? [r.evidence.sha256] : []),
        ...(r.files ?? []).map((f) => f.sha256),
      ];
      for (const sha of files) referenced.add(sha);
      const { materialId, id, version, userId, url, updatedAt } = r;
      return { materialId, facts: { id, version, userId, url, updatedAt, files } };
    }),
    (r) => r.materialId,
  );
  const shas = chunks([...referenced], CHUNK);
  const stored = new Map(
    shas
      .flatMap((part) => db.select().from(evidence).where(inArray(evidence.sha256, part)).all())
      .map((e) => [e.sha256, e]),
  );
  const stamps = new Map(
    shas
      .flatMap((part) =>
        db
          .select()
          .from(evidenceTimestamps)
          .where(
            and(
              inArray(evidenceTimestamps.sha256, part),
              sql`${evidenceTimestamps.tokenSha256} IS NOT NULL`,
            ),
          )
          .all(),
      )
      .map((s) => [s.sha256, s]),
  );
  const decisionsOf = groupBy(
    chunks(materialIds, CHUNK).flatMap((part) =>
      db
        .select()
        .from(materialStatusChanges)
        .where(inArray(materialStatusChanges.materialId, part))
        .orderBy(asc(materialStatusChanges.materialId), asc(materialStatusChanges.id))
        .all(),
    ),
    (d) => d.materialId,
  );
  const facts = new Map<string, CustodyFacts>();
  for (const materialId of materialIds) {
    const ofReports = (reportsOf.get(materialId) ?? []).map((r) => r.facts);
    // Each file once, in hash order: the order the rows came in when read by `sha256 IN (…)`,
    // which decides between files received at the same moment.
    const files = [...new Set(ofReports.flatMap((r) => r.files))].sort();
    facts.set(materialId, {
      materialId,
      reports: ofReports,
      evidence: files.flatMap((sha) => {
        const e = stored.get(sha);
        return e
          ? [{ sha256: e.sha256, mime: e.mime, bytes: e.bytes, createdAt: e.createdAt }]
          : [];
      }),
      stamps: files.flatMap((sha) => {
        const s = stamps.get(sha);
        return s
          ? [
              {
                sha256: s.sha256,
                genTime: s.genTime ?? '',
                tokenSha256: s.tokenSha256 ?? '',
                tsaUrl: s.tsaUrl,
              },
            ]
          : [];
      }),
      decisions: decisionsOf.get(materialId) ?? [],
    });
  }
  return facts;
}
