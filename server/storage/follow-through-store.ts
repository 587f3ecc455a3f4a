import type { RecheckOutcome } from '#shared/schemas/rechecks';

/** ISO timestamps: from (included) and before (excluded); either may be open. */
export type Period = { from?: string; before?: string };

/** When a material was first reported and first found blocked or removed. */
export type MaterialOutcome = {
  materialId: string;
  firstReportedAt: string;
  /** The first status change to `blocked`, if any. */
  blockedAt: string | null;
  /** The first re-check that found it removed, if any. */
  removedAt: string | null;
};

/** What the follow-through statistics read: outcomes of materials and of re-checks. */
export interface FollowThroughStore {
  /** Materials blocked or found removed at least once (the period is applied by the caller). */
  materialOutcomes(): Promise<MaterialOutcome[]>;
  /** Re-checks in the period counted by UTC day and outcome, oldest day first. */
  recheckOutcomes(
    period: Period,
  ): Promise<{ day: string; outcome: RecheckOutcome; count: number }[]>;
}
