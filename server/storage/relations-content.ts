import { type AnyColumn, and, eq, inArray, or, type SQL, sql, type Table } from 'drizzle-orm';
import type { ReviewStatus } from '#shared/review-status';
import type { Evidence, EvidenceFile } from '#shared/schemas/report';
import type { Fingerprint, MaterialContent } from './relations-store';

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

/** A text band as one string, for sets of bands. */
export const bandKey = (b: { band: number; bandHash: string }) => `${b.band}:${b.bandHash}`;

/** Rows to insert, in parts small enough for one statement's parameters on either engine. */
export function* inParts<T>(rows: T[], size: number): Generator<T[]> {
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}

/**
 * The rows of fingerprints and text bands that recording `entries` adds, each (material, content)
 * once: the first listing of a content hash for a material wins, as it would one at a time.
 */
export function fingerprintRows(
  entries: { materialId: string; prints: Fingerprint[] }[],
  at: string,
) {
  const seen = new Set<string>();
  const rows: {
    materialId: string;
    contentSha256: string;
    source: Fingerprint['source'];
    signature: string | null;
    at: string;
    bands: Fingerprint['bands'];
  }[] = [];
  for (const { materialId, prints } of entries) {
    for (const print of prints) {
      const key = `${materialId} ${print.contentSha256}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const { contentSha256, source, signature, bands } = print;
      rows.push({ materialId, contentSha256, source, signature, at, bands });
    }
  }
  return rows;
}

/**
 * The text bands of the contents whose fingerprints were just inserted (`inserted`: those the
 * insert answered), each content once: its bands are the same whichever material shows it.
 */
export function bandRowsOf(
  rows: ReturnType<typeof fingerprintRows>,
  inserted: { materialId: string; contentSha256: string }[],
) {
  const fresh = new Set(inserted.map((r) => `${r.materialId} ${r.contentSha256}`));
  const banded = new Set<string>();
  return rows.flatMap((r) => {
    if (r.bands.length === 0 || banded.has(r.contentSha256)) return [];
    if (!fresh.has(`${r.materialId} ${r.contentSha256}`)) return [];
    banded.add(r.contentSha256);
    return r.bands.map((b) => ({ contentSha256: r.contentSha256, ...b }));
  });
}

/** Fingerprint rows grouped by material, each group in the order the rows came. */
export function printsByMaterial<T extends { materialId: string }>(
  rows: T[],
): Map<string, Omit<T, 'materialId'>[]> {
  const groups = new Map<string, Omit<T, 'materialId'>[]>();
  for (const { materialId, ...print } of rows) {
    const group = groups.get(materialId);
    if (group) group.push(print);
    else groups.set(materialId, [print]);
  }
  return groups;
}

type Col = AnyColumn;
/** The columns a candidate search reads, of either engine's tables. */
export type CandidateTables = {
  materials: { id: Col; status: Col };
  prints: { contentSha256: Col; materialId: Col };
  bands: Table & { band: Col; bandHash: Col; contentSha256: Col };
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
    // Few materials are in the statuses asked for: each fingerprint of theirs is checked for a
    // shared band, rather than every content sharing one being listed.
    matches.push(
      statuses
        ? sql`exists (select 1 from ${bands} where ${bands.contentSha256} = ${prints.contentSha256} and ${bandMatch})`
        : sql`${prints.contentSha256} in (select distinct ${bands.contentSha256} from ${bands} where ${bandMatch})`,
    );
  }
  if (matches.length === 0) return undefined;
  return and(statuses ? inArray(materials.status, [...statuses]) : undefined, or(...matches));
}

/** The columns of a material's brief (`MaterialBrief`), of either engine's `materials` table. */
export function briefColumns<
  T extends { id: Col; seq: Col; url: Col; title: Col; status: Col; registrableDomain: Col },
>(materials: T): Pick<T, 'id' | 'seq' | 'url' | 'title' | 'status' | 'registrableDomain'> {
  const { id, seq, url, title, status, registrableDomain } = materials;
  return { id, seq, url, title, status, registrableDomain };
}

/** The columns of a fingerprint that relating compares, of either engine's fingerprints table. */
export function printColumnsOf<T extends { contentSha256: Col; source: Col; signature: Col }>(
  prints: T,
): Pick<T, 'contentSha256' | 'source' | 'signature'> {
  const { contentSha256, source, signature } = prints;
  return { contentSha256, source, signature };
}
