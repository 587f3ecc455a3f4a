import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EVIDENCE_MIME_TYPES } from '#shared/schemas/evidence';
import type { Storage } from '../../db/open';
import { evidence } from '../../db/schema';

export type ImageMime = (typeof EVIDENCE_MIME_TYPES)[number];

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];

/** The image type of the bytes by their signature, whatever the sender called them. */
export function sniffImageType(bytes: Uint8Array): ImageMime | undefined {
  const startsWith = (signature: number[]) => signature.every((b, i) => bytes[i] === b);
  if (startsWith(PNG_SIGNATURE)) return 'image/png';
  if (startsWith(JPEG_SIGNATURE)) return 'image/jpeg';
  return undefined;
}

/** The lowercase hex SHA-256 of the bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Where the bytes of a piece of evidence live; `sha256` must already be checked as 64 hex chars. */
export function evidencePath(dataDir: string, sha256: string): string {
  return join(dataDir, 'evidence', sha256);
}

/**
 * Stores verified evidence bytes under their hash: the file first (written aside, then renamed into
 * place, so a crash never leaves a partial file under the final name), then its row.
 */
export async function storeEvidence(
  storage: Storage,
  item: { sha256: string; mime: ImageMime; bytes: Uint8Array; uploadedBy: string; at: Date },
): Promise<'created' | 'existing'> {
  const path = evidencePath(storage.dataDir, item.sha256);
  if (!(await fileExists(path))) {
    await mkdir(join(storage.dataDir, 'evidence'), { recursive: true });
    const temporary = `${path}.${randomUUID()}.part`;
    try {
      await writeFile(temporary, item.bytes, { flag: 'wx' });
      await rename(temporary, path);
    } finally {
      await rm(temporary, { force: true });
    }
  }
  const inserted = storage.db
    .insert(evidence)
    .values({
      sha256: item.sha256,
      mime: item.mime,
      bytes: item.bytes.byteLength,
      uploadedBy: item.uploadedBy,
      createdAt: item.at.toISOString(),
    })
    .onConflictDoNothing()
    .run();
  return inserted.changes > 0 ? 'created' : 'existing';
}

async function fileExists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
