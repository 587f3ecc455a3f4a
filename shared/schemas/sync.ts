import { z } from 'zod';
import { PERSONAL_DATA_KINDS } from '../personal-data/types';
import { errorCodeSchema } from './errors';
import { reportChangeSchema, reportInputSchema, storedReportSchema } from './report';

export const MAX_PUSH_MUTATIONS = 500;
export const MAX_PULL_LIMIT = 1000;
export const DEFAULT_PULL_LIMIT = 500;

export const upsertMutationSchema = z
  .object({ id: z.uuid(), op: z.literal('upsert'), report: reportInputSchema })
  .strict();
export const deleteMutationSchema = z
  .object({ id: z.uuid(), op: z.literal('delete'), reportId: z.uuid() })
  .strict();
export const mutationSchema = z.discriminatedUnion('op', [
  upsertMutationSchema,
  deleteMutationSchema,
]);
export type Mutation = z.infer<typeof mutationSchema>;

export const deviceIdSchema = z.string().min(1).max(100);

/** The push request as clients send it (each mutation is then judged on its own). */
export const pushRequestSchema = z
  .object({
    deviceId: deviceIdSchema,
    mutations: z.array(mutationSchema).min(1).max(MAX_PUSH_MUTATIONS),
  })
  .strict();
export type PushRequest = z.infer<typeof pushRequestSchema>;

/**
 * The push envelope as the server first reads it: every mutation must carry its id so that a
 * malformed one can be answered on its own without failing the batch.
 */
export const pushEnvelopeSchema = z.object({
  deviceId: deviceIdSchema,
  mutations: z
    .array(z.looseObject({ id: z.uuid() }))
    .min(1)
    .max(MAX_PUSH_MUTATIONS),
});

/** The user-entered text fields of a report that are checked for third-party personal data. */
export const CHECKED_TEXT_FIELDS = ['note', 'geography.locality'] as const;

export const findingSchema = z.object({
  /** The field the offsets refer to. */
  field: z.enum(CHECKED_TEXT_FIELDS).optional(),
  kind: z.enum(PERSONAL_DATA_KINDS),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  confidence: z.number().min(0).max(1).optional(),
});

export const mutationResultSchema = z.object({
  id: z.uuid(),
  status: z.enum(['applied', 'duplicate', 'rejected']),
  code: errorCodeSchema.optional(),
  message: z.string().optional(),
  findings: z.array(findingSchema).optional(),
  report: storedReportSchema.optional(),
});
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.object({ results: z.array(mutationResultSchema) });
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullQuerySchema = z.object({
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
});

export const pullResponseSchema = z.object({
  changes: z.array(reportChangeSchema),
  cursor: z.string(),
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const knownUrlsQuerySchema = z.object({ cursor: z.string().max(100).optional() });

export const knownUrlsResponseSchema = z.object({
  hashes: z.array(z.string()),
  cursor: z.string(),
  hasMore: z.boolean(),
});
export type KnownUrlsResponse = z.infer<typeof knownUrlsResponseSchema>;
