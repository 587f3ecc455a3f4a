import { z } from 'zod';
import { UI_LOCALES } from '../labels';
import { LEGAL_GROUND_CODES } from '../legal-grounds';
import { REVIEW_STATUS_CODES } from '../review-status';

/** Which materials the blocking list holds: sent for blocking, blocked, or both. */
export const BLOCKING_LIST_STATUSES = ['sent', 'blocked', 'both'] as const;
export type BlockingListStatus = (typeof BLOCKING_LIST_STATUSES)[number];

/**
 * The blocking list's filter: by status, and by the UTC day the material reached it (both ends
 * included, either left open); labels in `lang`.
 */
export const blockingListQuerySchema = z
  .object({
    status: z.enum(BLOCKING_LIST_STATUSES).default('sent'),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    lang: z.enum(UI_LOCALES).default('ru'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  });
export type BlockingListQuery = z.infer<typeof blockingListQuerySchema>;

const labelled = <T extends z.ZodType>(code: T) => z.object({ code, label: z.string() });

/** A material of the blocking list, its vocabulary values in words. */
export const blockingListEntrySchema = z.object({
  urlKey: z.string(),
  url: z.string(),
  title: z.string(),
  status: labelled(z.enum(REVIEW_STATUS_CODES)),
  topics: z.array(labelled(z.string())),
  legalGrounds: z.array(
    labelled(z.enum(LEGAL_GROUND_CODES)).extend({
      courtDecision: z.object({ number: z.string(), date: z.string() }).optional(),
    }),
  ),
  /** SHA-256 of every evidence file of the material's live reports. */
  evidenceSha256: z.array(z.string()),
  firstReportedAt: z.iso.datetime(),
  /** When the material reached its status. */
  decidedAt: z.iso.datetime(),
});
export type BlockingListEntry = z.infer<typeof blockingListEntrySchema>;

export const blockingListResponseSchema = z.object({
  generatedAt: z.iso.datetime(),
  query: z.object({
    status: z.enum(BLOCKING_LIST_STATUSES),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    lang: z.enum(UI_LOCALES),
  }),
  materials: z.array(blockingListEntrySchema),
});
export type BlockingListResponse = z.infer<typeof blockingListResponseSchema>;
