import type { ReviewStatus } from '#shared/review-status';
import type { StoredReport } from '#shared/schemas/report';
import type { Storage } from '../../storage';
import { fileHashesOf } from '../../storage/evidence-facts';
import { bandKey } from '../../storage/relations-content';
import type { Candidate, Fingerprint, MaterialBrief } from '../../storage/relations-store';
import { fingerprintsOfFiles, signedPageCopies } from './fingerprints';
import {
  NEAR_SAME_THRESHOLD,
  signatureBands,
  signatureFromHex,
  similarity,
} from './text-fingerprint';

type RelationsStorage = Pick<Storage, 'relations' | 'dataDir'>;

/** Statuses whose materials a new report's mirror is flagged against. */
export const BLOCKING_STATUSES: readonly ReviewStatus[] = [
  'sent_for_blocking',
  'blocked',
  'restored',
];

const CANDIDATE_LIMIT = 200;

/** How another material's content relates to this one's. */
export type ContentRelation = MaterialBrief & {
  /** `same_content`: an equal file or body hash; `near_same_text`: similar visible text. */
  signal: 'same_content' | 'near_same_text';
  /** The estimated text similarity (1 for the same content). */
  similarity: number;
};

/** The materials whose content is the same as or nearly the same as these fingerprints'. */
export async function contentRelations(
  storage: RelationsStorage,
  materialId: string,
  prints: Pick<Fingerprint, 'contentSha256' | 'signature' | 'bands'>[],
  statuses?: readonly ReviewStatus[],
): Promise<ContentRelation[]> {
  const shas = prints.map((p) => p.contentSha256);
  const candidates = await storage.relations.candidates(
    materialId,
    shas,
    prints.flatMap((p) => p.bands),
    CANDIDATE_LIMIT,
    statuses,
  );
  const signatures = prints.flatMap((p) => {
    const s = p.signature ? signatureFromHex(p.signature) : undefined;
    return s ? [s] : [];
  });
  const best = new Map<string, ContentRelation>();
  for (const candidate of candidates) {
    const relation = relationTo(candidate, shas, signatures);
    if (!relation) continue;
    const held = best.get(candidate.id);
    if (!held || relation.similarity > held.similarity) best.set(candidate.id, relation);
  }
  return [...best.values()].sort((a, b) => b.similarity - a.similarity || a.seq - b.seq);
}

function relationTo(
  candidate: Candidate,
  shas: string[],
  signatures: Uint32Array[],
): ContentRelation | undefined {
  const { contentSha256: _, signature, ...brief } = candidate;
  if (shas.includes(candidate.contentSha256)) {
    return { ...brief, signal: 'same_content', similarity: 1 };
  }
  const theirs = signature ? signatureFromHex(signature) : undefined;
  if (!theirs) return undefined;
  const score = Math.max(0, ...signatures.map((mine) => similarity(mine, theirs)));
  return score >= NEAR_SAME_THRESHOLD
    ? { ...brief, signal: 'near_same_text', similarity: score }
    : undefined;
}

type RelatedMaterial = { id: string; status: ReviewStatus; possibleMirrorOf: string | null };

/**
 * Records what a material's content was seen to be and, when it repeats a material already sent
 * for blocking or blocked, flags it as a possible mirror of the earliest such one (audited
 * `material.mirror_flagged`). Idempotent: a fingerprint is kept once, a flag set once.
 */
export async function relateMaterial(
  storage: RelationsStorage,
  material: RelatedMaterial,
  prints: Fingerprint[],
  at: Date,
): Promise<ContentRelation | undefined> {
  return (await relateMaterials(storage, [{ material, prints }], at)).get(material.id);
}

/**
 * `relateMaterial` for several materials at once: their fingerprints are kept in one transaction,
 * and one look-up tells which of them share a content hash or a text band with a material sent for
 * blocking; only those are searched for their original. Answers the originals found.
 */
async function relateMaterials(
  storage: RelationsStorage,
  entries: { material: RelatedMaterial; prints: Fingerprint[] }[],
  at: Date,
): Promise<Map<string, ContentRelation>> {
  const originals = new Map<string, ContentRelation>();
  const withPrints = entries.filter((e) => e.prints.length > 0);
  if (withPrints.length === 0) return originals;
  await storage.relations.recordFingerprints(
    withPrints.map((e) => ({ materialId: e.material.id, prints: e.prints })),
    at.toISOString(),
  );
  // A material decided on its own (blocked, rejected…) is past the point of a mirror flag.
  const open = withPrints.filter(
    ({ material }) =>
      material.possibleMirrorOf === null && !BLOCKING_STATUSES.includes(material.status),
  );
  if (open.length === 0) return originals;
  const all = open.flatMap((e) => e.prints);
  const held = await storage.relations.keysHeldIn(
    [...new Set(all.map((p) => p.contentSha256))],
    all.flatMap((p) => p.bands),
    BLOCKING_STATUSES,
  );
  for (const { material, prints } of open) {
    const shares = prints.some(
      (p) =>
        held.contentHashes.has(p.contentSha256) || p.bands.some((b) => held.bands.has(bandKey(b))),
    );
    if (!shares) continue;
    const original = await flagOriginal(storage, material.id, prints, at);
    if (original) originals.set(material.id, original);
  }
  return originals;
}

/** Flags the material as a possible mirror of the earliest material sent for blocking it repeats. */
async function flagOriginal(
  storage: RelationsStorage,
  materialId: string,
  prints: Fingerprint[],
  at: Date,
): Promise<ContentRelation | undefined> {
  // Only materials sent for blocking can be originals: the look-up asks for those alone, so the
  // many materials sharing a common page do not crowd them out or slow every push.
  const related = await contentRelations(storage, materialId, prints, BLOCKING_STATUSES);
  const original = related.sort((a, b) => a.seq - b.seq)[0];
  if (!original) return undefined;
  await storage.relations.flagMirror(materialId, original.id, {
    action: 'material.mirror_flagged',
    at,
    actorUserId: null,
    subjectType: 'material',
    subjectId: materialId,
    details: {
      original: original.id,
      signal: original.signal,
      similarity: Math.round(original.similarity * 100) / 100,
    },
  });
  return original;
}

/**
 * Relates the materials of newly received reports by their evidence files, all of a push at once.
 * Only files the server holds are looked at (their bytes checked against their hash): a file that
 * comes after its report is related when it arrives (`relateReportsById`), so a push whose files
 * are all still on their way costs one query. Of those, only files a material has no fingerprint
 * of yet are looked at, and only page copies never signed before are read; a material with none
 * new is left alone, so a retried push costs a few queries.
 */
export async function relateReports(
  storage: RelationsStorage,
  received: Pick<StoredReport, 'id' | 'evidence' | 'files'>[],
  at: Date,
) {
  // Most reports list no evidence file: their materials have nothing to relate by content, and a
  // push of only such reports reads nothing.
  const listing = received.filter((r) => fileHashesOf(r).length > 0);
  if (listing.length === 0) return;
  const held = await storage.relations.heldFiles([...new Set(listing.flatMap(fileHashesOf))]);
  const relatable = listing.filter((r) => fileHashesOf(r).some((sha256) => held.has(sha256)));
  await relateReportsById(
    storage,
    relatable.map((r) => r.id),
    at,
  );
}

/**
 * `relateReports` for reports known by id only, such as those listing a file that arrived after
 * them: each material is related by the files it has no fingerprint of yet that the server holds.
 */
export async function relateReportsById(storage: RelationsStorage, reportIds: string[], at: Date) {
  if (reportIds.length === 0) return;
  const contents = (await storage.relations.contentOfReports(reportIds)).filter(
    (c) => c.files.length > 0,
  );
  if (contents.length === 0) return;
  const heldBy = await storage.relations.fingerprintsOfMaterials(contents.map((c) => c.materialId));
  const unprinted = contents.map((content) => {
    const held = heldBy.get(content.materialId) ?? [];
    return content.files.filter((f) => !held.some((h) => h.contentSha256 === f.sha256));
  });
  const stored = await storage.relations.heldFiles([
    ...new Set(unprinted.flat().map((f) => f.sha256)),
  ]);
  const freshBy = unprinted.map((files) => files.filter((f) => stored.has(f.sha256)));
  const signed = await signedPageCopies(storage.relations, freshBy.flat());
  const entries: { material: RelatedMaterial; prints: Fingerprint[] }[] = [];
  for (const [i, content] of contents.entries()) {
    const held = heldBy.get(content.materialId) ?? [];
    const prints = await fingerprintsOfFiles(storage.dataDir, freshBy[i] ?? [], signed);
    if (prints.length === 0) continue;
    entries.push({
      material: {
        id: content.materialId,
        status: content.status,
        possibleMirrorOf: content.possibleMirrorOf,
      },
      prints: [...held.map(withBands), ...prints],
    });
  }
  await relateMaterials(storage, entries, at);
}

/** A material's stored fingerprints, oldest first, with their bands. */
export async function heldFingerprints(
  storage: Pick<Storage, 'relations'>,
  materialId: string,
): Promise<Fingerprint[]> {
  const held = await storage.relations.fingerprintsOfMaterials([materialId]);
  return (held.get(materialId) ?? []).map(withBands);
}

/** A stored fingerprint with its bands computed again from its signature. */
export function withBands(print: Omit<Fingerprint, 'bands'>): Fingerprint {
  const signature = print.signature ? signatureFromHex(print.signature) : undefined;
  return { ...print, bands: signature ? signatureBands(signature) : [] };
}
