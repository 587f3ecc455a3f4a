import type { ErrorCode } from '#shared/schemas/errors';
import { statsQuerySchema, statsResponseSchema } from '#shared/schemas/stats';
import { describeRoute } from '../openapi/registry';

const REVIEWERS: ErrorCode[] = ['unauthorized', 'forbidden', 'account_pending', 'account_blocked'];

describeRoute({
  method: 'get',
  path: '/api/stats',
  summary: 'Counts of reports (or of materials by status) over whole UTC days (reviewers, admins)',
  tags: ['statistics'],
  access: 'bearer',
  query: statsQuerySchema,
  responses: { 200: { description: 'The buckets.', schema: statsResponseSchema } },
  errors: ['validation_failed', ...REVIEWERS],
});
