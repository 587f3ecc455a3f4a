import type { ErrorCode } from '#shared/schemas/errors';
import { EVIDENCE_MIME_TYPES } from '#shared/schemas/evidence';
import {
  decisionRequestSchema,
  decisionResponseSchema,
  materialDetailSchema,
  materialsPageSchema,
  materialsQuerySchema,
} from '#shared/schemas/review';
import { describeRoute } from '../openapi/registry';

const REVIEWERS: ErrorCode[] = ['unauthorized', 'forbidden', 'account_pending', 'account_blocked'];
const tags = ['review'];

describeRoute({
  method: 'get',
  path: '/api/materials',
  summary:
    'The review queue: materials with live reports (withdrawn=true: those whose every report was withdrawn), filtered (reviewers, admins)',
  tags,
  access: 'bearer',
  query: materialsQuerySchema,
  responses: { 200: { description: 'A page of materials.', schema: materialsPageSchema } },
  errors: ['validation_failed', ...REVIEWERS],
});

describeRoute({
  method: 'get',
  path: '/api/materials/export/blocking.csv',
  summary:
    'Materials sent for blocking, as CSV: url_key, url, topics, first_reported_at, decided_at',
  tags,
  access: 'bearer',
  responses: { 200: { description: 'The blocking list.', contentTypes: ['text/csv'] } },
  errors: REVIEWERS,
});

describeRoute({
  method: 'get',
  path: '/api/materials/:id',
  summary:
    'A material with its live reports, the reports withdrawn from it, their evidence and its review history',
  tags,
  access: 'bearer',
  responses: { 200: { description: 'The material.', schema: materialDetailSchema } },
  errors: ['not_found', ...REVIEWERS],
});

describeRoute({
  method: 'post',
  path: '/api/materials/:id/decision',
  summary:
    'Move a material along the review workflow, with an internal comment and an optional one for the reporters; conflict if it moved since',
  tags,
  access: 'bearer',
  body: { json: decisionRequestSchema },
  responses: { 200: { description: 'The material now.', schema: decisionResponseSchema } },
  errors: [
    'validation_failed',
    'not_found',
    'conflict',
    'unsupported_media_type',
    'consent_required',
    ...REVIEWERS,
  ],
});

describeRoute({
  method: 'get',
  path: '/api/evidence/:sha256',
  summary: 'An evidence image, with the type it was stored as (reviewers, admins)',
  tags,
  access: 'bearer',
  responses: { 200: { description: 'The image.', contentTypes: EVIDENCE_MIME_TYPES } },
  errors: ['validation_failed', 'not_found', ...REVIEWERS],
});
