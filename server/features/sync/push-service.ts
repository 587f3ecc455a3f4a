import type { MutationResult } from '#shared/schemas/sync';
import type { Storage } from '../../storage';
import type { RawMutation } from '../../storage/reports-store';
import { judgePushBatch } from './push-judging';
import { checkMutation } from './rules';

export type { RawMutation };

/**
 * Applies a push batch for one user: the rules that need no data run first, outside the write
 * lock; the judging (push-judging.ts) then runs inside the batch's one transaction, on what the
 * storage read for it.
 */
export function pushMutations(
  storage: Pick<Storage, 'reports'>,
  userId: string,
  mutations: RawMutation[],
  now: Date,
  /** The client's address, for the audit log. */
  ip: string | null = null,
): Promise<MutationResult[]> {
  const checked = mutations.map((m) => checkMutation(m));
  const batch = { userId, mutations, checked, now, ip };
  return storage.reports.push({
    ...batch,
    judge: (state, writer, firstSeq) => judgePushBatch(batch, state, writer, firstSeq),
  });
}
