import type { MutationResult } from '#shared/schemas/sync';
import type { Storage } from '../../storage';
import type { RawMutation } from '../../storage/reports-store';
import { checkMutation, judgeMutation } from './rules';

export type { RawMutation };

/**
 * Applies a push batch for one user: the rules that need no data run first, outside the write
 * lock; the rest judge each mutation inside the batch's one transaction.
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
  return storage.reports.push({ userId, mutations, checked, judge: judgeMutation, now, ip });
}
