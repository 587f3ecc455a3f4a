import type { Storage } from '../../storage';
import type { PullPage } from '../../storage/reports-store';

export type { PullPage };

/** The user's reports changed after `afterSeq`, in change order. */
export function pullChanges(
  storage: Pick<Storage, 'reports'>,
  userId: string,
  afterSeq: number,
  limit: number,
): Promise<PullPage> {
  return storage.reports.pull(userId, afterSeq, limit);
}
