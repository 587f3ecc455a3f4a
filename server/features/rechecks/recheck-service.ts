import { randomUUID } from 'node:crypto';
import type { ReviewStatus } from '#shared/review-status';
import type { RecheckView } from '#shared/schemas/rechecks';
import { ApiError } from '../../http/errors';
import type { Storage } from '../../storage';
import type { MaterialRecheckRow, RecheckTarget } from '../../storage/rechecks-store';
import { textFingerprint } from '../relations/fingerprints';
import { htmlText } from '../relations/page-text';
import { heldFingerprints, relateMaterial } from '../relations/relate-service';
import type { RecheckEngine } from './recheck-engine';

/** How often a material is re-checked in each followed status, in milliseconds. */
export type RecheckIntervals = Partial<Record<ReviewStatus, number>>;

export type RecheckDeps = {
  storage: Pick<Storage, 'rechecks' | 'relations' | 'dataDir'>;
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
  const previous = await deps.storage.rechecks.lastLiveSha256(target.id);
  const found = await deps.engine.check(target.url, previous);
  const at = deps.now();
  const interval = deps.intervals[target.status];
  const suggestion = target.status === 'blocked' && found.outcome === 'live' ? 'restored' : null;
  const row = await deps.storage.rechecks.record(
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
      suggestion,
    },
    interval === undefined ? undefined : new Date(at.getTime() + interval),
    // A blocked material found live again is audited for the reviewers.
    suggestion === 'restored'
      ? (check) => ({
          action: 'material.recheck_found_live',
          at,
          actorUserId: by.userId,
          subjectType: 'material',
          subjectId: target.id,
          details: { check: check.id, suggestion: 'restored' },
        })
      : undefined,
  );
  if (found.outcome === 'live' && found.contentSha256) {
    await relateByBody(deps, target, found.contentSha256, found.text, at);
  }
  return recheckView(row);
}

/**
 * A live body is a fingerprint of the material: a new material whose body repeats one sent for
 * blocking or blocked is flagged as its possible mirror. Its failure does not undo the check.
 */
async function relateByBody(
  deps: RecheckDeps,
  target: RecheckTarget,
  sha256: string,
  text: string | undefined,
  at: Date,
) {
  try {
    const held = await heldFingerprints(deps.storage, target.id);
    const html = text === undefined ? undefined : htmlText(text);
    await relateMaterial(
      deps.storage,
      { id: target.id, status: target.status, possibleMirrorOf: null },
      [...held.filter((p) => p.contentSha256 !== sha256), textFingerprint(sha256, 'recheck', html)],
      at,
    );
  } catch {
    // Relating is idempotent: the next check of the material tries again.
  }
}

/** A reviewer's on-demand check of one material. */
export async function recheckMaterial(
  deps: RecheckDeps,
  materialId: string,
  userId: string,
): Promise<RecheckView> {
  const target = await deps.storage.rechecks.target(materialId);
  if (!target) throw new ApiError('not_found', 'No such material.');
  return recheckTarget(deps, target, { trigger: 'on_demand', userId });
}

/** A material's re-check history, newest first. */
export async function recheckHistory(
  storage: Pick<Storage, 'rechecks'>,
  materialId: string,
): Promise<RecheckView[]> {
  if (!(await storage.rechecks.target(materialId))) {
    throw new ApiError('not_found', 'No such material.');
  }
  return (await storage.rechecks.list(materialId)).map(recheckView);
}
