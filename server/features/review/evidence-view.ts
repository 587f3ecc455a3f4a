import { readFile } from 'node:fs/promises';
import { ApiError } from '../../http/errors';
import type { Storage } from '../../storage';
import { evidencePath, type ImageMime } from '../sync/evidence-store';

/** An evidence image for reviewers, with the type it was stored as; `sha256` must be checked. */
export async function evidenceForReview(
  storage: Pick<Storage, 'reports' | 'dataDir'>,
  sha256: string,
): Promise<{ mime: ImageMime; data: Buffer }> {
  const mime = await storage.reports.evidenceMime(sha256);
  if (!mime) throw new ApiError('not_found', 'No such evidence.');
  const data = await readFile(evidencePath(storage.dataDir, sha256)).catch(() => {
    throw new ApiError('not_found', 'The evidence file is missing.');
  });
  return { mime, data };
}
