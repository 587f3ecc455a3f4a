import type { EvidenceFileMime } from '#shared/schemas/report';
import { ApiError } from '../../http/errors';
import type { Storage } from '../../storage';
import { catchUpCustody } from './custody-service';
import { evidencePath, readIfPresent, sha256Hex, writeOnce } from './evidence-files';

/**
 * Stores verified evidence bytes (`sha256` already checked against them) under their hash: the
 * file first (so a row never names a file that is not there), then its row; then the custody of
 * every material whose reports list it.
 */
export async function storeEvidence(
  storage: Storage,
  item: { sha256: string; mime: EvidenceFileMime; bytes: Uint8Array; uploadedBy: string; at: Date },
): Promise<'created' | 'existing'> {
  const path = evidencePath(storage.dataDir, item.sha256);
  // A file found in place (left by a crash, or altered since) is not kept as this hash's bytes
  // unless it hashes to it; bytes just written are the checked ones, not hashed a second time.
  if ((await writeOnce(path, item.bytes)) === 'existing') {
    const onDisk = await readIfPresent(path);
    if (!onDisk || sha256Hex(onDisk) !== item.sha256) {
      throw new ApiError('internal_error', 'The stored file does not match its hash.');
    }
  }
  const outcome = await storage.evidence.insertEvidence({
    sha256: item.sha256,
    mime: item.mime,
    bytes: item.bytes.byteLength,
    uploadedBy: item.uploadedBy,
    at: item.at,
  });
  await catchUpCustody(storage, await storage.evidence.materialsReferencing(item.sha256), item.at);
  return outcome;
}

/** A stored evidence file with the type it was stored as; `sha256` must be checked. */
export async function evidenceFile(
  storage: Storage,
  sha256: string,
): Promise<{ mime: EvidenceFileMime; data: Buffer }> {
  const row = await storage.evidence.evidenceRow(sha256);
  if (!row) throw new ApiError('not_found', 'No such evidence.');
  const data = await readIfPresent(evidencePath(storage.dataDir, sha256));
  if (!data) throw new ApiError('not_found', 'The evidence file is missing.');
  return { mime: row.mime, data };
}
