import type { ErrorCode } from '#shared/schemas/errors';
import {
  followThroughQuerySchema,
  followThroughResponseSchema,
} from '#shared/schemas/follow-through';
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

describeRoute({
  method: 'get',
  path: '/api/stats/follow-through',
  summary:
    'Follow-through over whole UTC days: hours from first report to blocking or removal (median, percentiles), re-check outcomes per day, compliance by recipient, notices overdue now',
  tags: ['statistics'],
  access: 'bearer',
  query: followThroughQuerySchema,
  responses: { 200: { description: 'The figures.', schema: followThroughResponseSchema } },
  errors: ['validation_failed', ...REVIEWERS],
});
