import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Storage } from '../../storage';
import type { ImageMime } from '../../storage/reports-store';
import { detectDocumentType } from '../accounts/document-content';

export type { ImageMime };

/**
 * The image type of the bytes by their content, whatever the sender called them: the same check as
 * uploaded documents (a real PNG or JPEG start, and no markup where browsers sniff), so that a
 * polyglot — an image start followed by a page or an SVG — is refused as evidence too.
 */
export function sniffImageType(bytes: Uint8Array): ImageMime | undefined {
  const type = detectDocumentType(bytes);
  return type === 'image/png' || type === 'image/jpeg' ? type : undefined;
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
  storage: Pick<Storage, 'reports' | 'dataDir'>,
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
  return storage.reports.recordEvidence({ ...item, bytes: item.bytes.byteLength });
}

async function fileExists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
