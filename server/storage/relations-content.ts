import { type AnyColumn, and, eq, inArray, or, type SQL, sql, type Table } from 'drizzle-orm';
import type { ReviewStatus } from '#shared/review-status';
import type { Evidence, EvidenceFile } from '#shared/schemas/report';
import type { MaterialContent } from './relations-store';

/** Live reports' rows grouped by material, each file once (the single `evidence` is a screenshot). */
export function contentByMaterial(
  rows: {
    materialId: string;
    status: ReviewStatus;
    possibleMirrorOf: string | null;
    evidence: Evidence | null;
    files: EvidenceFile[] | null;
  }[],
): MaterialContent[] {
  const byMaterial = new Map<string, MaterialContent>();
  for (const row of rows) {
    const entry = byMaterial.get(row.materialId) ?? {
      materialId: row.materialId,
      status: row.status,
      possibleMirrorOf: row.possibleMirrorOf,
      files: [],
    };
    const listed = [
      ...(row.evidence ? [{ ...row.evidence, kind: 'screenshot' as const }] : []),
      ...(row.files ?? []),
    ];
    for (const file of listed) {
      if (!entry.files.some((f) => f.sha256 === file.sha256)) entry.files.push(file);
    }
    byMaterial.set(row.materialId, entry);
  }
  return [...byMaterial.values()];
}

type Col = AnyColumn;
/** The columns a candidate search reads, of either engine's tables. */
export type CandidateTables = {
  materials: { id: Col; status: Col };
  prints: { contentSha256: Col; materialId: Col };
  bands: Table & { band: Col; bandHash: Col; materialId: Col };
};

/**
 * Which fingerprints make their material a candidate: the same content, or a shared text band.
 * Written with `sql` over the given tables, so both engines run the same condition.
 */
export function candidateMatch(
  { materials, prints, bands }: CandidateTables,
  contentHashes: string[],
  bandList: { band: number; bandHash: string }[],
  statuses: readonly ReviewStatus[] | undefined,
): SQL | undefined {
  const matches: SQL[] = [];
  if (contentHashes.length > 0) matches.push(inArray(prints.contentSha256, contentHashes));
  if (bandList.length > 0) {
    const bandMatch = or(
      ...bandList.map((b) => and(eq(bands.band, b.band), eq(bands.bandHash, b.bandHash))),
    );
    // Few materials are in the statuses asked for: each is checked for a shared band, rather
    // than every material sharing one (a common page shares its bands with thousands).
    matches.push(
      statuses
        ? sql`exists (select 1 from ${bands} where ${bands.materialId} = ${materials.id} and ${bandMatch})`
        : sql`${prints.materialId} in (select distinct ${bands.materialId} from ${bands} where ${bandMatch})`,
    );
  }
  if (matches.length === 0) return undefined;
  return and(statuses ? inArray(materials.status, [...statuses]) : undefined, or(...matches));
}
