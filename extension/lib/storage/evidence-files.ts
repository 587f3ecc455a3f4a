import type { EvidenceFile } from '#shared/schemas/report';
import type { WebTaggerDb } from './db';

/**
 * The share of the browser's storage quota evidence may fill: past it a capture is refused with a
 * clear message rather than let the database run out of room for the reports themselves.
 */
export const QUOTA_SHARE = 0.8;

/** How full the origin's storage is (`navigator.storage.estimate`, passed in by the caller). */
export type StorageEstimator = () => Promise<{ usage?: number; quota?: number }>;

/** The browser's storage has no room for a file: the report goes without it. */
export class StorageFullError extends Error {
  constructor(
    readonly needed: number,
    readonly free: number,
  ) {
    super(`no room for ${needed} bytes of evidence (${free} free)`);
    this.name = 'StorageFullError';
  }
}

/** Throws StorageFullError when `bytes` more would take the origin past its share of the quota. */
export async function ensureRoomFor(estimate: StorageEstimator, bytes: number): Promise<void> {
  const { usage = 0, quota } = await estimate();
  // A browser that does not tell its quota is not refused.
  if (quota === undefined || quota <= 0) return;
  const free = Math.max(0, Math.floor(quota * QUOTA_SHARE - usage));
  if (bytes > free) throw new StorageFullError(bytes, free);
}

/**
 * Stores an evidence file under its SHA-256 (computed here, in the browser) after checking that
 * the storage has room for it, and returns its entry for the report's `files`.
 */
export async function storeEvidenceFile(
  db: WebTaggerDb,
  bytes: Uint8Array<ArrayBuffer>,
  file: Pick<EvidenceFile, 'mime' | 'kind' | 'fullPage'>,
  options: { at: number; estimate: StorageEstimator },
): Promise<EvidenceFile> {
  await ensureRoomFor(options.estimate, bytes.byteLength);
  const sha256 = await sha256Hex(bytes);
  const entry: EvidenceFile = {
    sha256,
    mime: file.mime,
    bytes: bytes.byteLength,
    kind: file.kind,
    ...(file.fullPage !== undefined ? { fullPage: file.fullPage } : {}),
  };
  await db.transaction('rw', db.evidence, db.evidenceBytes, async () => {
    const existing = await db.evidence.get(sha256);
    // The same bytes stored again keep their upload mark: the server has them already.
    await db.evidence.put({ ...existing, ...entry, storedAt: options.at });
    await db.evidenceBytes.put({ sha256, data: new Blob([bytes], { type: file.mime }) });
  });
  return entry;
}

/** Drops files, their records and their bytes together. */
export async function dropEvidenceFiles(db: WebTaggerDb, hashes: readonly string[]): Promise<void> {
  if (hashes.length === 0) return;
  await db.transaction('rw', db.evidence, db.evidenceBytes, async () => {
    await db.evidence.bulkDelete([...hashes]);
    await db.evidenceBytes.bulkDelete([...hashes]);
  });
}

/** The lowercase hex SHA-256 of some bytes (WebCrypto). */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
