import type { ReviewStatus } from '#shared/review-status';
import type { EvidenceFile } from '#shared/schemas/report';
import type { AuditEvent } from './audit-store';

/** What a material's content was seen to be: one evidence file or one re-check's body. */
export type Fingerprint = {
  contentSha256: string;
  source: 'page_copy' | 'screenshot' | 'recheck';
  /** The MinHash signature of its text (hex), null when there was no usable text. */
  signature: string | null;
  /** The signature's bands, for the look-up of near-same candidates (none without one). */
  bands: { band: number; bandHash: string }[];
};

/** The evidence files a material's live reports list. */
export type MaterialContent = {
  materialId: string;
  status: ReviewStatus;
  possibleMirrorOf: string | null;
  files: EvidenceFile[];
};

/** A material as a relation names it. */
export type MaterialBrief = {
  id: string;
  seq: number;
  url: string;
  title: string;
  status: ReviewStatus;
  registrableDomain: string | null;
};

/** Another material's fingerprint that shares a content hash or a text band with the asked ones. */
export type Candidate = MaterialBrief & {
  contentSha256: string;
  signature: string | null;
};

/**
 * How materials relate: by site (registrable domain), by content (fingerprints), as a possible
 * mirror of something blocked, as a duplicate of an original.
 */
export interface RelationsStore {
  /** The materials of these reports (live ones) with every file their live reports list. */
  contentOfReports(reportIds: string[]): Promise<MaterialContent[]>;
  /** Of these evidence files (by SHA-256), those the server holds: stored, their hash checked. */
  heldFiles(contentHashes: string[]): Promise<Set<string>>;
  /**
   * Keeps these fingerprints of each material, all in one transaction; one already held (same
   * material and content hash) stays as it was.
   */
  recordFingerprints(
    entries: { materialId: string; prints: Fingerprint[] }[],
    at: string,
  ): Promise<void>;
  /**
   * The text signatures already held of these page copies (by content hash), those that any
   * material has: a file's text never changes, so it is read and signed once.
   */
  pageCopySignatures(contentHashes: string[]): Promise<Map<string, string | null>>;
  /** The fingerprints of each of these materials (those that have any), each oldest first. */
  fingerprintsOfMaterials(
    materialIds: string[],
  ): Promise<Map<string, Omit<Fingerprint, 'bands'>[]>>;
  /**
   * Of these content hashes and text bands, those that a fingerprint of a material in `statuses`
   * has: a whole push's materials are checked with it at once, and only those that share a key
   * with such a material are looked at one by one (`candidates`).
   */
  keysHeldIn(
    contentHashes: string[],
    bands: Fingerprint['bands'],
    statuses: readonly ReviewStatus[],
  ): Promise<{ contentHashes: Set<string>; bands: Set<string> }>;
  /**
   * Fingerprints of other materials sharing one of these content hashes or text bands, at most
   * `limit`, the earliest created materials first (originals come before their copies); only of
   * materials in `statuses` when given.
   */
  candidates(
    materialId: string,
    contentHashes: string[],
    bands: Fingerprint['bands'],
    limit: number,
    statuses?: readonly ReviewStatus[],
  ): Promise<Candidate[]>;
  /**
   * Flags the material as a possible mirror of `originalId` unless it is flagged already, and
   * records `audit` in the same transaction; true when it flagged.
   */
  flagMirror(materialId: string, originalId: string, audit: AuditEvent): Promise<boolean>;
  /** Other materials of a registrable domain, the newest first, at most `limit`. */
  sameSite(domain: string, exceptId: string, limit: number): Promise<MaterialBrief[]>;
  /** The materials a `duplicate` decision tied to this original, the oldest first. */
  duplicatesOf(materialId: string): Promise<MaterialBrief[]>;
  /** These materials, those that exist, in no particular order. */
  briefs(ids: string[]): Promise<MaterialBrief[]>;
  /** Materials created before their registrable domain was kept, at most `limit`. */
  withoutDomain(limit: number): Promise<{ id: string; url: string }[]>;
  /** Stores the registrable domains the backfill computed. */
  setDomains(rows: { id: string; domain: string | null }[]): Promise<void>;
}
