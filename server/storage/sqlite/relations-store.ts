import type Database from 'better-sqlite3';
import { and, asc, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { ReviewStatus } from '#shared/review-status';
import type { Evidence, EvidenceFile } from '#shared/schemas/report';
import {
  materialTextBands as bands,
  materials,
  materialFingerprints as prints,
} from '../../db/schema';
import { candidateMatch, contentByMaterial } from '../relations-content';
import type { RelationsStore } from '../relations-store';
import { insertAuditEvent } from './audit-store';
import type { SqliteHandles } from './handles';

const brief = {
  id: materials.id,
  seq: materials.seq,
  url: materials.url,
  title: materials.title,
  status: materials.status,
  registrableDomain: materials.registrableDomain,
};

// Run after every push: one prepared statement for any number of reports (their ids bound as one
// JSON array) rather than a query built anew each time.
const CONTENT_OF_REPORTS = `SELECT m.id AS materialId, m.status, m.possible_mirror_of AS possibleMirrorOf,
    r.evidence, r.files
  FROM reports r JOIN materials m ON m.id = r.material_id
  WHERE r.material_id IN (SELECT material_id FROM reports
      WHERE id IN (SELECT value FROM json_each(?)))
    AND r.deleted_at IS NULL
  ORDER BY m.seq, r.created_at`;
type ContentRow = {
  materialId: string;
  status: ReviewStatus;
  possibleMirrorOf: string | null;
  evidence: string | null;
  files: string | null;
};
const statements = new WeakMap<Database.Database, Database.Statement>();
function contentStatement(sqlite: Database.Database): Database.Statement {
  let statement = statements.get(sqlite);
  if (!statement) {
    statement = sqlite.prepare(CONTENT_OF_REPORTS);
    statements.set(sqlite, statement);
  }
  return statement;
}

/** How materials relate, on SQLite. */
export function sqliteRelationsStore({ db, sqlite }: SqliteHandles): RelationsStore {
  return {
    async contentOfReports(reportIds) {
      if (reportIds.length === 0) return [];
      const rows = contentStatement(sqlite).all(JSON.stringify(reportIds)) as ContentRow[];
      return contentByMaterial(
        rows.map((row) => ({
          ...row,
          evidence: row.evidence ? (JSON.parse(row.evidence) as Evidence) : null,
          files: row.files ? (JSON.parse(row.files) as EvidenceFile[]) : null,
        })),
      );
    },

    async recordFingerprints(materialId, list, at) {
      if (list.length === 0) return;
      db.transaction((tx) => {
        for (const print of list) {
          const inserted = tx
            .insert(prints)
            .values({
              materialId,
              contentSha256: print.contentSha256,
              source: print.source,
              signature: print.signature,
              at,
            })
            .onConflictDoNothing()
            .returning({ sha: prints.contentSha256 })
            .all();
          if (inserted.length === 0 || print.bands.length === 0) continue;
          tx.insert(bands)
            .values(
              print.bands.map((b) => ({ materialId, contentSha256: print.contentSha256, ...b })),
            )
            .run();
        }
      });
    },

    async fingerprintsOf(materialId) {
      return db
        .select({
          contentSha256: prints.contentSha256,
          source: prints.source,
          signature: prints.signature,
        })
        .from(prints)
        .where(eq(prints.materialId, materialId))
        .orderBy(asc(prints.at), asc(prints.contentSha256))
        .all();
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
