import type { Storage } from '../../storage';

export const KNOWN_URLS_PAGE = 5000;

/** The URL key hashes of materials created after `afterSeq`, oldest first. */
export function knownUrlHashes(
  storage: Pick<Storage, 'reports'>,
  afterSeq: number,
  limit = KNOWN_URLS_PAGE,
) {
  return storage.reports.knownUrlHashes(afterSeq, limit);
}
