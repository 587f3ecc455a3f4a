import { asc, gt } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { materials } from '../../db/schema';

export const KNOWN_URLS_PAGE = 5000;

/** The URL key hashes of materials created after `afterSeq`, oldest first. */
export function knownUrlHashes(db: Db, afterSeq: number, limit = KNOWN_URLS_PAGE) {
  const rows = db
    .select({ seq: materials.seq, hash: materials.urlKeyHash })
    .from(materials)
    .where(gt(materials.seq, afterSeq))
    .orderBy(asc(materials.seq))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit);
  return {
    hashes: page.map((r) => r.hash),
    lastSeq: page.at(-1)?.seq ?? afterSeq,
    hasMore: rows.length > limit,
  };
}
