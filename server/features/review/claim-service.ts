import type { MaterialClaim, MaterialSummary } from '#shared/schemas/review';
import { materialsQuerySchema } from '#shared/schemas/review';
import type { NextQuery } from '#shared/schemas/triage';
import { ApiError } from '../../http/errors';
import type { Storage } from '../../storage';
import { claimView } from './claim-view';
import { listMaterials } from './materials-list';
import { encodeQueueCursor, keyedByValue } from './queue-cursor';

export type ClaimAction = {
  materialId: string;
  /** The new holder: the actor to claim, another reviewer to assign, null to release. */
  userId: string | null;
  byUserId: string;
  /** An admin may release or reassign a material someone else holds; a reviewer may not. */
  byAdmin?: boolean;
  expectedVersion?: number;
  at: Date;
  ip: string;
};

/**
 * Claims, assigns or releases a material (audited). Refused with `conflict` when someone else
 * holds it (`details.claim` says who, since when) — unless an admin releases or reassigns it —
 * or their claim moved since the admin saw it; an assignee must be an active reviewer or admin.
 */
export async function changeClaim(
  storage: Pick<Storage, 'review' | 'accounts'>,
  action: ClaimAction,
): Promise<MaterialClaim | null> {
  if (action.userId !== null && action.userId !== action.byUserId) {
    const assignee = await storage.accounts.findById(action.userId);
    const reviews = assignee?.role === 'reviewer' || assignee?.role === 'admin';
    if (assignee?.status !== 'active' || !reviews) {
      throw new ApiError('validation_failed', 'Materials are assigned to active reviewers only.');
    }
  }
  const outcome = await storage.review.changeClaim(action);
  switch (outcome.kind) {
    case 'changed':
      return claimView(outcome.claim);
    case 'not_found':
      throw new ApiError('not_found', 'No such material.');
    case 'taken':
      throw new ApiError('conflict', 'Another reviewer holds the material.', {
        claim: claimView(outcome.claim),
      });
    case 'moved':
      throw new ApiError('conflict', 'The claim was changed meanwhile.', {
        claim: claimView(outcome.claim),
        version: outcome.version,
      });
  }
}

/**
 * "Next": the first material after `after` in the queue's filter and sort that nobody but the
 * reviewer holds (from the top of the queue when `after` is absent or gone).
 */
export async function nextMaterial(
  storage: Pick<Storage, 'review'>,
  query: NextQuery,
  userId: string,
): Promise<MaterialSummary | null> {
  const { after, ...filter } = query;
  const base = materialsQuerySchema.parse({ ...filter, limit: 1 });
  const file = after === undefined ? undefined : await storage.review.materialFile(after);
  let cursor: string | undefined;
  if (file) {
    const { material } = file;
    const values = {
      reported: null,
      updated: material.updatedAt,
      reports: file.reports.length,
      status: material.status,
      title: material.title,
    };
    const sortKey = keyedByValue(base) ? values[base.sort ?? 'reported'] : null;
    cursor = encodeQueueCursor({ seq: material.seq, sortKey });
  }
  const page = await listMaterials(storage, { ...base, cursor }, { openTo: userId });
  return page.materials[0] ?? null;
}
