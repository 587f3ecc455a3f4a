import { ApiError } from '../../http/errors';
import type { Storage } from '../../storage';
import type { MaterialRecord, StatusChange } from '../../storage/review-store';
import { claimView } from '../review/claim-view';

export type { StatusChange };

/**
 * Moves a material to a new review status along the workflow, records it in the history, and
 * advances the change number of every live report of it so that their owners pull the new status.
 * Refused with `conflict` if the material moved since the decider saw it, the step is not allowed,
 * or (`respectClaims`) another reviewer holds it (`details.claim` says who, since when).
 */
export async function changeMaterialStatus(
  storage: Pick<Storage, 'review'>,
  change: StatusChange,
): Promise<MaterialRecord> {
  const outcome = await storage.review.changeStatus(change);
  switch (outcome.kind) {
    case 'changed':
      return outcome.material;
    case 'not_found':
      throw new ApiError('not_found', 'No such material.');
    case 'claimed':
      throw new ApiError('conflict', 'Another reviewer holds the material.', {
        claim: claimView(outcome.claim),
      });
    case 'moved':
      throw new ApiError('conflict', 'The material was changed meanwhile.', {
        version: outcome.version,
      });
    case 'not_allowed':
      throw new ApiError('conflict', `A material cannot go from ${outcome.from} to ${change.to}.`);
  }
}
