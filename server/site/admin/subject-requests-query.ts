import { desc } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { erasures } from '../../db/schema';

/** The newest erasure requests (and when retention destroyed each account's personal data). */
export function erasureRequests(db: Db, limit: number) {
  return db.select().from(erasures).orderBy(desc(erasures.requestedAt)).limit(limit).all();
}
export type ErasureRequest = ReturnType<typeof erasureRequests>[number];
