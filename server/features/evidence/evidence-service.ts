import type { EvidenceFileMime } from '#shared/schemas/report';
import type { Storage } from '../../db/open';
import { ApiError } from '../../http/errors';
import { evidencePath, readIfPresent, sha256Hex, writeOnce } from './evidence-files';
import {
  catchUpCustody,
  evidenceRow,
  insertEvidence,
  materialsReferencing,
} from './evidence-store';

/**
 * Stores verified evidence bytes under their hash: the file first (so a row never names a file
 * that is not there), then its row; then the custody of every material whose reports list it.
 */
export async function storeEvidence(
  storage: Storage,
  item: { sha256: string; mime: EvidenceFileMime; bytes: Uint8Array; uploadedBy: string; at: Date },
): Promise<'created' | 'existing'> {
  const path = evidencePath(storage.dataDir, item.sha256);
  await writeOnce(path, item.bytes);
  // A file left by a crash or altered since is not kept as this hash's bytes.
  const onDisk = await readIfPresent(path);
  if (!onDisk || sha256Hex(onDisk) !== item.sha256) {
    throw new ApiError('internal_error', 'The stored file does not match its hash.');
  }
  const outcome = await insertEvidence(storage.db, {
    sha256: item.sha256,
    mime: item.mime,
    bytes: item.bytes.byteLength,
    uploadedBy: item.uploadedBy,
    at: item.at,
  });
  for (const materialId of await materialsReferencing(storage.db, item.sha256)) {
    await catchUpCustody(storage.db, materialId, item.at);
  }
  return outcome;
}

/** A stored evidence file with the type it was stored as; `sha256` must be checked. */
export async function evidenceFile(
  storage: Storage,
  sha256: string,
): Promise<{ mime: EvidenceFileMime; data: Buffer }> {
  const row = await evidenceRow(storage.db, sha256);
  if (!row) throw new ApiError('not_found', 'No such evidence.');
  const data = await readIfPresent(evidencePath(storage.dataDir, sha256));
  if (!data) throw new ApiError('not_found', 'The evidence file is missing.');
  return { mime: row.mime, data };
}
