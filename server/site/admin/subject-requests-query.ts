import type { Storage } from '../../storage';
import type { ErasureRow } from '../../storage/subject-store';

/** The newest erasure requests (and when retention destroyed each account's personal data). */
export function erasureRequests(
  storage: Pick<Storage, 'subject'>,
  limit: number,
): Promise<ErasureRow[]> {
  return storage.subject.erasureRequests(limit);
}
export type ErasureRequest = ErasureRow;
