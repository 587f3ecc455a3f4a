import { z } from 'zod';
import { legalGroundChoiceSchema } from '../legal-grounds';
import { REVIEW_STATUS_CODES } from '../review-status';
import {
  DECISION_COMMENT_LENGTH,
  decisionRequestSchema,
  materialClaimSchema,
  materialSummarySchema,
  materialsQuerySchema,
} from './review';

/** Claim a material (no `userId`, or one's own) or assign it to another reviewer. */
export const claimRequestSchema = z
  .object({
    userId: z.uuid().optional(),
    /** The claim's version the assigner saw: needed to take over someone else's claim. */
    expectedVersion: z.number().int().positive().optional(),
  })
  .strict();
export type ClaimRequest = z.infer<typeof claimRequestSchema>;

/** Release a claim: one's own freely, someone else's at the version seen. */
export const releaseRequestSchema = z
  .object({ expectedVersion: z.number().int().positive().optional() })
  .strict();

export const claimResponseSchema = z.object({ claim: materialClaimSchema.nullable() });

/** The next material of the queue's filter and sort after `after` that nobody else holds. */
export const nextQuerySchema = materialsQuerySchema.omit({ cursor: true, limit: true }).extend({
  after: z.uuid().optional(),
});
export type NextQuery = z.infer<typeof nextQuerySchema>;

export const nextResponseSchema = z.object({ material: materialSummarySchema.nullable() });

export const BULK_DECISION_MAX = 500;

/** One decision on many materials, each checked against the version the reviewer saw. */
export const bulkDecisionRequestSchema = z
  .object({
    status: z.enum(REVIEW_STATUS_CODES),
    comment: z.string().trim().max(DECISION_COMMENT_LENGTH),
    reporterComment: z.string().trim().max(DECISION_COMMENT_LENGTH).optional(),
    legalGround: legalGroundChoiceSchema.optional(),
    materials: z
      .array(z.object({ id: z.uuid(), expectedVersion: z.number().int().positive() }).strict())
      .min(1)
      .max(BULK_DECISION_MAX),
  })
  .strict()
  .superRefine((request, ctx) => {
    // The same rules as one decision's, checked once for the whole selection.
    const { materials, ...decision } = request;
    const checked = decisionRequestSchema.safeParse({ ...decision, expectedVersion: 1 });
    for (const issue of checked.success ? [] : checked.error.issues) {
      ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    }
    if (new Set(materials.map((m) => m.id)).size !== materials.length) {
      ctx.addIssue({ code: 'custom', message: 'each material once', path: ['materials'] });
    }
  });
export type BulkDecisionRequest = z.infer<typeof bulkDecisionRequestSchema>;

/**
 * What became of each material: `claimed` if another reviewer holds it, `changed` if it moved
 * since seen, `not_allowed` by the workflow; all but `applied` leave it as it is.
 */
export const BULK_OUTCOMES = ['applied', 'claimed', 'changed', 'not_allowed', 'not_found'] as const;
export type BulkOutcome = (typeof BULK_OUTCOMES)[number];

export const bulkDecisionResponseSchema = z.object({
  results: z.array(
    z.object({
      id: z.uuid(),
      outcome: z.enum(BULK_OUTCOMES),
      /** The material as it is now (after the decision, or as it moved meanwhile). */
      material: materialSummarySchema.nullable(),
    }),
  ),
});
export type BulkDecisionResponse = z.infer<typeof bulkDecisionResponseSchema>;

export const SAVED_FILTER_NAME_LENGTH = 100;

/** A named queue query (filters and sort) kept for one reviewer. */
export const savedFilterRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(SAVED_FILTER_NAME_LENGTH),
    /** The queue's query string, e.g. `status=submitted&sort=updated&dir=asc`. */
    query: z.string().max(1000),
  })
  .strict();

export const savedFilterSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  query: z.string(),
  createdAt: z.iso.datetime(),
});
export type SavedFilter = z.infer<typeof savedFilterSchema>;

export const savedFiltersResponseSchema = z.object({ filters: z.array(savedFilterSchema) });
