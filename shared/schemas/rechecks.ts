import { z } from 'zod';

/** What a reachability re-check found (api.md, Re-checks). */
export const RECHECK_OUTCOMES = [
  'live',
  'removed',
  'blocked',
  'geo_restricted',
  'unreachable',
  'refused',
] as const;
export type RecheckOutcome = (typeof RECHECK_OUTCOMES)[number];

/** One re-check of a material, as the API answers it. */
export const recheckSchema = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  outcome: z.enum(RECHECK_OUTCOMES),
  httpStatus: z.number().int().optional(),
  finalUrl: z.string().optional(),
  contentSha256: z.string().optional(),
  /** Live only: whether the content differs from the last live check's. */
  contentChanged: z.boolean().optional(),
  /** Why, in a stable word: `http_404`, `block_page`, `timeout`, `private_address`… */
  detail: z.string().optional(),
  /** `scheduled` or `on_demand`. */
  trigger: z.enum(['scheduled', 'on_demand']),
  /** `restored` when a blocked material was found live again. */
  suggestion: z.enum(['restored']).optional(),
});
export type RecheckView = z.infer<typeof recheckSchema>;

export const recheckResponseSchema = z.object({ check: recheckSchema });
export const rechecksResponseSchema = z.object({ checks: z.array(recheckSchema) });
