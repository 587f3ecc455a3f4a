import { randomUUID } from 'node:crypto';
import type { ReviewStatus } from '#shared/review-status';
import type { RecheckView } from '#shared/schemas/rechecks';
import type { Db } from '../../db/open';
import type { MaterialRecheckRow } from '../../db/schema';
import { ApiError } from '../../http/errors';
import type { RecheckEngine } from './recheck-engine';
import {
  lastLiveSha256,
  listRechecks,
  materialForRecheck,
  type RecheckTarget,
  recordRecheck,
} from './recheck-store';

/** How often a material is re-checked in each followed status, in milliseconds. */
export type RecheckIntervals = Partial<Record<ReviewStatus, number>>;

export type RecheckDeps = {
  db: Db;
  engine: RecheckEngine;
  intervals: RecheckIntervals;
  now: () => Date;
};

/** A stored check as the API answers it: absent fields left out rather than null. */
export function recheckView(row: MaterialRecheckRow): RecheckView {
  return {
    id: row.id,
    at: row.at,
    outcome: row.outcome,
    trigger: row.trigger,
    ...(row.httpStatus !== null && { httpStatus: row.httpStatus }),
    ...(row.finalUrl !== null && { finalUrl: row.finalUrl }),
    ...(row.contentSha256 !== null && { contentSha256: row.contentSha256 }),
    ...(row.contentChanged !== null && { contentChanged: row.contentChanged }),
    ...(row.detail !== null && { detail: row.detail }),
    ...(row.suggestion !== null && { suggestion: row.suggestion }),
  };
}

/**
 * Checks a material's reachability now and stores what was found. A blocked material found live
 * again carries the suggestion `restored`; a followed material's next scheduled check moves on.
 */
export async function recheckTarget(
  deps: RecheckDeps,
  target: RecheckTarget,
  by: { trigger: 'scheduled' | 'on_demand'; userId: string | null },
): Promise<RecheckView> {
  const previous = await lastLiveSha256(deps.db, target.id);
  const found = await deps.engine.check(target.url, previous);
  const at = deps.now();
  const interval = deps.intervals[target.status];
  const row = await recordRecheck(
    deps.db,
    {
      id: randomUUID(),
      materialId: target.id,
      at,
      outcome: found.outcome,
      httpStatus: found.httpStatus ?? null,
      finalUrl: found.finalUrl ?? null,
      contentSha256: found.contentSha256 ?? null,
      contentChanged: found.contentChanged ?? null,
      detail: found.detail ?? null,
      trigger: by.trigger,
      byUserId: by.userId,
      suggestion: target.status === 'blocked' && found.outcome === 'live' ? 'restored' : null,
    },
    interval === undefined ? undefined : new Date(at.getTime() + interval),
  );
  return recheckView(row);
}

/** A reviewer's on-demand check of one material. */
export async function recheckMaterial(
  deps: RecheckDeps,
  materialId: string,
  userId: string,
): Promise<RecheckView> {
  const target = await materialForRecheck(deps.db, materialId);
  if (!target) throw new ApiError('not_found', 'No such material.');
  return recheckTarget(deps, target, { trigger: 'on_demand', userId });
}

/** A material's re-check history, newest first. */
export async function recheckHistory(db: Db, materialId: string): Promise<RecheckView[]> {
  if (!(await materialForRecheck(db, materialId))) {
    throw new ApiError('not_found', 'No such material.');
  }
  return (await listRechecks(db, materialId)).map(recheckView);
}
