import { and, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import {
  contentTextBands as bands,
  evidence,
  materials,
  materialFingerprints as prints,
  reports,
} from '../../db/pg-schema';
import {
  bandKey,
  bandRowsOf,
  briefColumns,
  candidateMatch,
  contentByMaterial,
  fingerprintRows,
  inParts,
  printColumnsOf,
  printsByMaterial,
} from '../relations-content';
import type { RelationsStore } from '../relations-store';
import { anyOf } from './any-of';
import { insertAuditEvent } from './audit-store';
import type { PgDb } from './handles';

const brief = briefColumns(materials);
const printColumns = printColumnsOf(prints);

// Rows per insert statement, well within PostgreSQL's limit of parameters per statement.
const PRINTS_PER_INSERT = 1_000;
const BANDS_PER_INSERT = 2_000;

/** How materials relate, on PostgreSQL. */
export function pgRelationsStore(db: PgDb): RelationsStore {
  return {
    async contentOfReports(reportIds) {
      if (reportIds.length === 0) return [];
      const ids = db
        .selectDistinct({ id: reports.materialId })
        .from(reports)
        .where(anyOf(reports.id, reportIds));
      const rows = await db
        .select({
          materialId: materials.id,
          status: materials.status,
          possibleMirrorOf: materials.possibleMirrorOf,
          evidence: reports.evidence,
          files: reports.files,
        })
        .from(reports)
        .innerJoin(materials, eq(materials.id, reports.materialId))
        .where(and(inArray(reports.materialId, ids), isNull(reports.deletedAt)))
        .orderBy(asc(materials.seq), asc(reports.createdAt));
      return contentByMaterial(rows);
    },

    async heldFiles(contentHashes) {
      if (contentHashes.length === 0) return new Set();
      const rows = await db
        .select({ sha256: evidence.sha256 })
        .from(evidence)
        .where(anyOf(evidence.sha256, contentHashes));
      return new Set(rows.map((row) => row.sha256));
    },

    async recordFingerprints(entries, at) {
      const rows = fingerprintRows(entries, at);
      if (rows.length === 0) return;
      await db.transaction(async (tx) => {
        for (const part of inParts(rows, PRINTS_PER_INSERT)) {
          const inserted = await tx
            .insert(prints)
            .values(part.map(({ bands: _, ...row }) => row))
            .onConflictDoNothing()
            .returning({ materialId: prints.materialId, contentSha256: prints.contentSha256 });
          for (const bandRows of inParts(bandRowsOf(part, inserted), BANDS_PER_INSERT)) {
            await tx.insert(bands).values(bandRows).onConflictDoNothing();
          }
        }
      });
    },

    async pageCopySignatures(contentHashes) {
      if (contentHashes.length === 0) return new Map();
      // One fingerprint of each page copy, found through the content index (a content shared by
      // many materials has as many rows, all with the same signature).
      const result = await db.execute<{ sha: string; signature: string | null }>(sql`
        SELECT k.sha, p.signature FROM unnest(${sql.param(contentHashes)}::text[]) AS k(sha)
        CROSS JOIN LATERAL (SELECT signature FROM material_fingerprints
          WHERE content_sha256 = k.sha AND source = 'page_copy' LIMIT 1) p`);
      return new Map(result.rows.map((r) => [r.sha, r.signature]));
    },

    async fingerprintsOfMaterials(materialIds) {
      if (materialIds.length === 0) return new Map();
      const rows = await db
        .select({ materialId: prints.materialId, ...printColumns })
        .from(prints)
        .where(anyOf(prints.materialId, materialIds))
        .orderBy(asc(prints.materialId), asc(prints.at), asc(prints.contentSha256));
      return printsByMaterial(rows);
    },

    async keysHeldIn(contentHashes, bandList, statuses) {
      const bandHashes = [...new Set(bandList.map((b) => b.bandHash))];
      const inStatuses = inArray(materials.status, [...statuses]);
      const shared =
        contentHashes.length === 0 || statuses.length === 0
          ? []
          : await db
              .selectDistinct({ sha: prints.contentSha256 })
              .from(prints)
              .innerJoin(materials, eq(materials.id, prints.materialId))
              .where(and(inStatuses, anyOf(prints.contentSha256, contentHashes)));
      const sharedBands =
        bandHashes.length === 0 || statuses.length === 0
          ? []
          : await db
              .selectDistinct({ band: bands.band, bandHash: bands.bandHash })
              .from(bands)
              .innerJoin(prints, eq(prints.contentSha256, bands.contentSha256))
              .innerJoin(materials, eq(materials.id, prints.materialId))
              .where(and(inStatuses, anyOf(bands.bandHash, bandHashes)));
      return {
        contentHashes: new Set(shared.map((r) => r.sha)),
        bands: new Set(sharedBands.map(bandKey)),
      };
    },

    async candidates(materialId, contentHashes, bandList, limit, statuses) {
      if (statuses?.length === 0) return [];
      const match = candidateMatch({ materials, prints, bands }, contentHashes, bandList, statuses);
      if (!match) return [];
      return db
        .select({ ...brief, contentSha256: prints.contentSha256, signature: prints.signature })
        .from(prints)
        .innerJoin(materials, eq(materials.id, prints.materialId))
        .where(and(ne(prints.materialId, materialId), match))
        .orderBy(asc(materials.seq), asc(prints.contentSha256))
        .limit(limit);
    },

    async flagMirror(materialId, originalId, audit) {
      // The row lock the update takes makes a second, concurrent flag find it flagged.
      return db.transaction(async (tx) => {
        const flagged = await tx
          .update(materials)
          .set({ possibleMirrorOf: originalId })
          .where(and(eq(materials.id, materialId), isNull(materials.possibleMirrorOf)))
          .returning({ id: materials.id });
        if (flagged.length === 0) return false;
        await insertAuditEvent(tx, audit);
        return true;
      });
    },

    async sameSite(domain, exceptId, limit) {
      return db
        .select(brief)
        .from(materials)
        .where(and(eq(materials.registrableDomain, domain), ne(materials.id, exceptId)))
        .orderBy(desc(materials.seq))
        .limit(limit);
    },

    async duplicatesOf(materialId) {
      return db
        .select(brief)
        .from(materials)
        .where(eq(materials.duplicateOf, materialId))
        .orderBy(asc(materials.seq));
    },

    async briefs(ids) {
      if (ids.length === 0) return [];
      return db.select(brief).from(materials).where(inArray(materials.id, ids));
    },

    async withoutDomain(limit) {
      return db
        .select({ id: materials.id, url: materials.url })
        .from(materials)
        .where(isNull(materials.registrableDomain))
        .orderBy(asc(materials.seq))
        .limit(limit);
    },

    async setDomains(rows) {
      if (rows.length === 0) return;
      // A URL with no host keeps '' so that the backfill does not come back to it.
      const domains = rows.map((row) => ({ id: row.id, domain: row.domain ?? '' }));
      await db.execute(sql`UPDATE materials SET registrable_domain = d.domain
        FROM jsonb_to_recordset(${JSON.stringify(domains)}::jsonb) AS d(id text, domain text)
        WHERE materials.id = d.id`);
    },
  };
}
