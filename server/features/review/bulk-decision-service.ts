import type { BulkDecisionRequest, BulkDecisionResponse } from '#shared/schemas/triage';
import type { Storage } from '../../storage';
import type { MaterialRecord } from '../../storage/review-store';
import { recordCustody } from '../evidence/custody-service';
import { summarizeMaterials } from './material-summaries';

export type BulkDecision = BulkDecisionRequest & { byUserId: string; at: Date; ip: string };

/**
 * One decision on a selection: each material in its own transaction against the version the
 * reviewer saw, so that one another reviewer holds (`claimed`), one that moved meanwhile
 * (`changed`) or one the workflow does not let go there (`not_allowed`) is reported and left as
 * it is while the others — free, or held by the deciding reviewer — are decided and audited.
 */
export async function decideInBulk(
  storage: Storage,
  decision: BulkDecision,
): Promise<BulkDecisionResponse> {
  const { materials, byUserId, at, ip, ...common } = decision;
  const settled: { id: string; outcome: BulkDecisionResponse['results'][number]['outcome'] }[] = [];
  const rows = new Map<string, MaterialRecord>();
  for (const { id, expectedVersion } of materials) {
    const outcome = await storage.review.changeStatus({
      materialId: id,
      to: common.status,
      byUserId,
      comment: common.comment,
      legalGround: common.legalGround,
      reporterComment: common.reporterComment,
      expectedVersion,
      respectClaims: true,
      at,
      audit: { action: 'material.status_changed', ip },
    });
    if (outcome.kind === 'changed') {
      rows.set(id, outcome.material);
      await recordCustody(storage, id, at);
    }
    settled.push({
      id,
      outcome:
        outcome.kind === 'changed'
          ? 'applied'
          : outcome.kind === 'moved'
            ? 'changed'
            : outcome.kind,
    });
  }
  // The ones left as they were are shown as they are now.
  for (const { id } of settled.filter((s) => !rows.has(s.id))) {
    const file = await storage.review.materialFile(id);
    if (file) rows.set(id, file.material);
  }
  const summaries = new Map(
    (await summarizeMaterials(storage, [...rows.values()])).map((m) => [m.id, m]),
  );
  return {
    results: settled.map((s) => ({ ...s, material: summaries.get(s.id) ?? null })),
  };
}
