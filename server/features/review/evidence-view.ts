import { readFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import type { Storage } from '../../db/open';
import { evidence } from '../../db/schema';
import { ApiError } from '../../http/errors';
import { evidencePath, type ImageMime } from '../sync/evidence-store';

/** An evidence image for reviewers, with the type it was stored as; `sha256` must be checked. */
export async function evidenceForReview(
  storage: Storage,
  sha256: string,
): Promise<{ mime: ImageMime; data: Buffer }> {
  const row = storage.db.select().from(evidence).where(eq(evidence.sha256, sha256)).get();
  if (!row) throw new ApiError('not_found', 'No such evidence.');
  const data = await readFile(evidencePath(storage.dataDir, sha256)).catch(() => {
    throw new ApiError('not_found', 'The evidence file is missing.');
  });
  return { mime: row.mime, data };
}
