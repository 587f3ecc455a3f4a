import { z } from 'zod';
import { RECIPIENT_TYPE_CODES } from './notices';
import { RECHECK_OUTCOMES } from './rechecks';

/** A period of whole UTC days, both ends included; either end may be left open. */
export const followThroughQuerySchema = z
  .object({ from: z.iso.date().optional(), to: z.iso.date().optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  });
export type FollowThroughQuery = z.infer<typeof followThroughQuerySchema>;

/**
 * Hours from a material's first report to its blocking or removal (whichever came first), over
 * the materials that reached it in the period; percentiles interpolate linearly between ranks.
 */
export const timeToOutcomeSchema = z.object({
  materials: z.number().int().nonnegative(),
  blocked: z.number().int().nonnegative(),
  removed: z.number().int().nonnegative(),
  medianHours: z.number().nullable(),
  p75Hours: z.number().nullable(),
  p90Hours: z.number().nullable(),
  maxHours: z.number().nullable(),
});
export type TimeToOutcome = z.infer<typeof timeToOutcomeSchema>;

/** How one recipient answered the notices sent to it in the period. */
export const recipientComplianceSchema = z.object({
  recipientId: z.uuid(),
  name: z.string(),
  type: z.enum(RECIPIENT_TYPE_CODES),
  sent: z.number().int().nonnegative(),
  complied: z.number().int().nonnegative(),
  partlyComplied: z.number().int().nonnegative(),
  refused: z.number().int().nonnegative(),
  /** Past the deadline with no final answer. */
  overdue: z.number().int().nonnegative(),
  /** Still within the deadline, no final answer. */
  awaiting: z.number().int().nonnegative(),
  /** Complied (fully) out of those sent, 0–1; null when none was sent. */
  complianceRate: z.number().nullable(),
});
export type RecipientCompliance = z.infer<typeof recipientComplianceSchema>;

export const followThroughResponseSchema = z.object({
  timeToOutcome: timeToOutcomeSchema,
  /** Re-checks in the period by UTC day and outcome, oldest first. */
  rechecks: z.array(
    z.object({ day: z.iso.date(), outcome: z.enum(RECHECK_OUTCOMES), count: z.number().int() }),
  ),
  compliance: z.array(recipientComplianceSchema),
  /** Notices overdue now, whatever the period. */
  overdueNotices: z.number().int().nonnegative(),
});
export type FollowThroughResponse = z.infer<typeof followThroughResponseSchema>;
