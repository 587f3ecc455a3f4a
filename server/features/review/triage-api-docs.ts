import type { ErrorCode } from '#shared/schemas/errors';
import {
  bulkDecisionRequestSchema,
  bulkDecisionResponseSchema,
  claimRequestSchema,
  claimResponseSchema,
  nextQuerySchema,
  nextResponseSchema,
  releaseRequestSchema,
  savedFilterRequestSchema,
  savedFilterSchema,
  savedFiltersResponseSchema,
} from '#shared/schemas/triage';
import { describeRoute } from '../openapi/registry';

const REVIEWERS: ErrorCode[] = ['unauthorized', 'forbidden', 'account_pending', 'account_blocked'];
const tags = ['review'];

describeRoute({
  method: 'post',
  path: '/api/materials/:id/claim',
  summary:
    'Claim a material (no userId) or assign it to another active reviewer (userId; expectedVersion: the version of the claim it takes over). Audited. conflict when another reviewer holds it (details.claim: who, since when; only an admin reassigns a held material) or the claim moved since it was seen: of two claims at once exactly one wins',
  tags,
  access: 'bearer',
  body: { json: claimRequestSchema },
  responses: { 200: { description: 'Who holds it now.', schema: claimResponseSchema } },
  errors: ['validation_failed', 'not_found', 'conflict', 'unsupported_media_type', ...REVIEWERS],
});

describeRoute({
  method: 'post',
  path: '/api/materials/:id/release',
  summary:
    "Release a claim: one's own freely; another reviewer's only as an admin, at the claim's expectedVersion (conflict otherwise, or if it moved). Audited",
  tags,
  access: 'bearer',
  body: { json: releaseRequestSchema },
  responses: { 200: { description: 'Nobody holds it now.', schema: claimResponseSchema } },
  errors: ['validation_failed', 'not_found', 'conflict', 'unsupported_media_type', ...REVIEWERS],
});

describeRoute({
  method: 'get',
  path: '/api/materials/next',
  summary:
    "The next material of the queue's filter and sort after `after` (a material id; from the top without it) that nobody but the caller holds; null when none is left",
  tags,
  access: 'bearer',
  query: nextQuerySchema,
  responses: { 200: { description: 'The next material, or null.', schema: nextResponseSchema } },
  errors: ['validation_failed', ...REVIEWERS],
});

describeRoute({
  method: 'post',
  path: '/api/materials/decisions',
  summary:
    'One decision (status, comment, legal ground, comment for the reporters) on up to 500 materials, each at the version the reviewer saw and in its own transaction: each result says applied, claimed (another reviewer holds it: left as it is), changed (it moved meanwhile: left as it is), not_allowed (the workflow forbids the step) or not_found, with the material as it is now',
  tags,
  access: 'bearer',
  body: { json: bulkDecisionRequestSchema },
  responses: {
    200: { description: 'One result per material, in order.', schema: bulkDecisionResponseSchema },
  },
  errors: ['validation_failed', 'unsupported_media_type', 'consent_required', ...REVIEWERS],
});

describeRoute({
  method: 'get',
  path: '/api/materials/filters',
  summary: "The caller's saved queue filters, by name",
  tags,
  access: 'bearer',
  responses: { 200: { description: 'The saved filters.', schema: savedFiltersResponseSchema } },
  errors: REVIEWERS,
});

describeRoute({
  method: 'post',
  path: '/api/materials/filters',
  summary:
    "Save the queue's filters and sort (a query string of GET /api/materials's parameters; invalid ones are dropped, paging is not kept) under a name; one of the same name is replaced",
  tags,
  access: 'bearer',
  body: { json: savedFilterRequestSchema },
  responses: { 201: { description: 'The saved filter.', schema: savedFilterSchema } },
  errors: ['validation_failed', 'unsupported_media_type', ...REVIEWERS],
});

describeRoute({
  method: 'delete',
  path: '/api/materials/filters/:filterId',
  summary: "Delete one of the caller's saved filters",
  tags,
  access: 'bearer',
  responses: { 204: { description: 'Deleted.' } },
  errors: ['not_found', ...REVIEWERS],
});
