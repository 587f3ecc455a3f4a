import type Database from 'better-sqlite3';
import { and, asc, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/open';
import {
  materialTextBands as bands,
  materials,
  materialFingerprints as prints,
  reports,
} from '../../db/schema';
import {
  bandKey,
  candidateMatch,
  contentByMaterial,
  fingerprintRows,
  printsByMaterial,
} from '../relations-content';
import type { RelationsStore } from '../relations-store';
import { insertAuditEvent } from './audit-store';

const brief = {
  id: materials.id,
  seq: materials.seq,
  url: materials.url,
  title: materials.title,
  status: materials.status,
  registrableDomain: materials.registrableDomain,
};

const printColumns = {
  contentSha256: prints.contentSha256,
  source: prints.source,
  signature: prints.signature,
};

// Fingerprints are written row by row through statements prepared once per connection: a push
// records tens of thousands of text bands, and building each insert anew cost more than running it.
const SQL = {
  print: `INSERT INTO material_fingerprints (material_id, content_sha256, source, signature, at)
    VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  // A fingerprint's bands in one statement, given as a JSON array of [band, bandHash].
  bands: `INSERT INTO material_text_bands (material_id, content_sha256, band, band_hash)
    SELECT ?, ?, value ->> 0, value ->> 1 FROM json_each(?)`,
};
type Statements = { [K in keyof typeof SQL]: Database.Statement };
const prepared = new WeakMap<Database.Database, Statements>();

function statements(sqlite: Database.Database): Statements {
  let cached = prepared.get(sqlite);
  if (!cached) {
    cached = { print: sqlite.prepare(SQL.print), bands: sqlite.prepare(SQL.bands) };
    prepared.set(sqlite, cached);
  }
  return cached;
}

/** How materials relate, on SQLite. */
export function sqliteRelationsStore(db: Db, sqlite: Database.Database): RelationsStore {
  return {
    async contentOfReports(reportIds) {
      if (reportIds.length === 0) return [];
      const ids = db
        .selectDistinct({ id: reports.materialId })
        .from(reports)
        .where(inArray(reports.id, reportIds));
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
        .orderBy(asc(materials.seq), asc(reports.createdAt))
        .all();
      return contentByMaterial(rows);
    },

    async recordFingerprints(entries, at) {
      const rows = fingerprintRows(entries, at);
      if (rows.length === 0) return;
      const sql = statements(sqlite);
      sqlite.transaction(() => {
        for (const row of rows) {
          const { changes } = sql.print.run(
            row.materialId,
            row.contentSha256,
            row.source,
            row.signature,
            row.at,
          );
          // A fingerprint held already keeps the bands it has.
          if (changes === 0 || row.bands.length === 0) continue;
          const pairs = row.bands.map((b) => [b.band, b.bandHash]);
          sql.bands.run(row.materialId, row.contentSha256, JSON.stringify(pairs));
        }
      })();
    },

    async fingerprintsOf(materialId) {
      return db
        .select(printColumns)
        .from(prints)
        .where(eq(prints.materialId, materialId))
        .orderBy(asc(prints.at), asc(prints.contentSha256))
        .all();
    },

    async fingerprintsOfMaterials(materialIds) {
      if (materialIds.length === 0) return new Map();
      const rows = db
        .select({ materialId: prints.materialId, ...printColumns })
        .from(prints)
        .where(inArray(prints.materialId, materialIds))
        .orderBy(asc(prints.materialId), asc(prints.at), asc(prints.contentSha256))
        .all();
      return printsByMaterial(rows);
    },

    async keysHeldIn(contentHashes, bandList, statuses) {
      const bandHashes = [...new Set(bandList.map((b) => b.bandHash))];
      const inStatuses = inArray(materials.status, [...statuses]);
      const shared =
        contentHashes.length === 0 || statuses.length === 0
          ? []
          : db
              .selectDistinct({ sha: prints.contentSha256 })
              .from(prints)
              .innerJoin(materials, eq(materials.id, prints.materialId))
              .where(and(inStatuses, inArray(prints.contentSha256, contentHashes)))
              .all();
      const sharedBands =
        bandHashes.length === 0 || statuses.length === 0
          ? []
          : db
              .selectDistinct({ band: bands.band, bandHash: bands.bandHash })
              .from(bands)
              .innerJoin(materials, eq(materials.id, bands.materialId))
              .where(and(inStatuses, inArray(bands.bandHash, bandHashes)))
              .all();
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
        .limit(limit)
        .all();
    },

    async flagMirror(materialId, originalId, audit) {
      return db.transaction(
        (tx) => {
          const flagged = tx
            .update(materials)
            .set({ possibleMirrorOf: originalId })
            .where(and(eq(materials.id, materialId), isNull(materials.possibleMirrorOf)))
            .returning({ id: materials.id })
            .all();
          if (flagged.length === 0) return false;
          insertAuditEvent(tx, audit);
          return true;
        },
        { behavior: 'immediate' },
      );
    },

    async sameSite(domain, exceptId, limit) {
      return db
        .select(brief)
        .from(materials)
        .where(and(eq(materials.registrableDomain, domain), ne(materials.id, exceptId)))
        .orderBy(desc(materials.seq))
        .limit(limit)
        .all();
    },

    async duplicatesOf(materialId) {
      return db
        .select(brief)
        .from(materials)
        .where(eq(materials.duplicateOf, materialId))
        .orderBy(asc(materials.seq))
        .all();
    },

    async briefs(ids) {
      if (ids.length === 0) return [];
      return db.select(brief).from(materials).where(inArray(materials.id, ids)).all();
    },

    async withoutDomain(limit) {
      return db
        .select({ id: materials.id, url: materials.url })
        .from(materials)
        .where(isNull(materials.registrableDomain))
        .orderBy(asc(materials.seq))
        .limit(limit)
        .all();
    },

    async setDomains(rows) {
      db.transaction((tx) => {
        for (const row of rows) {
          // A URL with no host keeps '' so that the backfill does not come back to it.
          tx.update(materials)
            .set({ registrableDomain: row.domain ?? '' })
            .where(eq(materials.id, row.id))
            .run();
        }
      });
    },
  };
}
