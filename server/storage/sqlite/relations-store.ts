import { and, asc, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { ReviewStatus } from '#shared/review-status';
import type { Evidence, EvidenceFile } from '#shared/schemas/report';
import {
  contentTextBands as bands,
  evidence,
  materials,
  materialFingerprints as prints,
} from '../../db/schema';
import {
  bandKey,
  bandRowsOf,
  briefColumns,
  candidateMatch,
  contentByMaterial,
  fingerprintRows,
  printColumnsOf,
  printsByMaterial,
} from '../relations-content';
import type { RelationsStore } from '../relations-store';
import { insertAuditEvent } from './audit-store';
import type { SqliteHandles } from './handles';
import { preparedOnce } from './prepared';

const brief = briefColumns(materials);
const printColumns = printColumnsOf(prints);

// Statements run on every push are prepared once per connection: a push records thousands of
// fingerprints, and building each statement anew cost more than running it.
const SQL = {
  // Any number of reports, their ids bound as one JSON array.
  content: `SELECT m.id AS materialId, m.status, m.possible_mirror_of AS possibleMirrorOf,
      r.evidence, r.files
    FROM reports r JOIN materials m ON m.id = r.material_id
    WHERE r.material_id IN (SELECT material_id FROM reports
        WHERE id IN (SELECT value FROM json_each(?)))
      AND r.deleted_at IS NULL
    ORDER BY m.seq, r.created_at`,
  // One fingerprint of each page copy, found through the content index (a content shared by many
  // materials has as many rows, all with the same signature).
  signatures: `SELECT k.value AS sha, p.signature FROM json_each(?) k
    JOIN material_fingerprints p ON p.rowid = (SELECT rowid FROM material_fingerprints
      WHERE content_sha256 = k.value AND source = 'page_copy' LIMIT 1)`,
  print: `INSERT INTO material_fingerprints (material_id, content_sha256, source, signature, at)
    VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  // A content's bands in one statement, given as a JSON array of [band, bandHash]; a content
  // banded already keeps its bands (`WHERE true` lets SQLite read ON CONFLICT after a SELECT).
  bands: `INSERT INTO content_text_bands (content_sha256, band, band_hash)
    SELECT ?, value ->> 0, value ->> 1 FROM json_each(?) WHERE true ON CONFLICT DO NOTHING`,
};
const statements = preparedOnce(SQL);

type ContentRow = {
  materialId: string;
  status: ReviewStatus;
  possibleMirrorOf: string | null;
  evidence: string | null;
  files: string | null;
};

/** How materials relate, on SQLite. */
export function sqliteRelationsStore({ db, sqlite }: SqliteHandles): RelationsStore {
  return {
    async contentOfReports(reportIds) {
      if (reportIds.length === 0) return [];
      const rows = statements(sqlite).content.all(JSON.stringify(reportIds)) as ContentRow[];
      return contentByMaterial(
        rows.map((row) => ({
          ...row,
          evidence: row.evidence ? (JSON.parse(row.evidence) as Evidence) : null,
          files: row.files ? (JSON.parse(row.files) as EvidenceFile[]) : null,
        })),
      );
    },

    async heldFiles(contentHashes) {
      if (contentHashes.length === 0) return new Set();
      const rows = db
        .select({ sha256: evidence.sha256 })
        .from(evidence)
        .where(inArray(evidence.sha256, contentHashes))
        .all();
      return new Set(rows.map((row) => row.sha256));
    },

    async recordFingerprints(entries, at) {
      const rows = fingerprintRows(entries, at);
      if (rows.length === 0) return;
      const sql = statements(sqlite);
      sqlite.transaction(() => {
        const inserted: typeof rows = [];
        for (const row of rows) {
          const { changes } = sql.print.run(
            row.materialId,
            row.contentSha256,
            row.source,
            row.signature,
            row.at,
          );
          if (changes > 0) inserted.push(row);
        }
        // A fingerprint held already keeps the bands its content has.
        const pairs = new Map<string, [number, string][]>();
        for (const b of bandRowsOf(rows, inserted)) {
          const held = pairs.get(b.contentSha256) ?? [];
          held.push([b.band, b.bandHash]);
          pairs.set(b.contentSha256, held);
        }
        for (const [sha, list] of pairs) sql.bands.run(sha, JSON.stringify(list));
      })();
    },

    async pageCopySignatures(contentHashes) {
      if (contentHashes.length === 0) return new Map();
      const rows = statements(sqlite).signatures.all(JSON.stringify(contentHashes)) as {
        sha: string;
        signature: string | null;
      }[];
      return new Map(rows.map((r) => [r.sha, r.signature]));
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
              .innerJoin(prints, eq(prints.contentSha256, bands.contentSha256))
              .innerJoin(materials, eq(materials.id, prints.materialId))
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
