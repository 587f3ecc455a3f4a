import type { ErrorCode } from '#shared/schemas/errors';
import { recheckResponseSchema, rechecksResponseSchema } from '#shared/schemas/rechecks';
import { describeRoute } from '../openapi/registry';

const REVIEWERS: ErrorCode[] = ['unauthorized', 'forbidden', 'account_pending', 'account_blocked'];
const tags = ['review'];

describeRoute({
  method: 'post',
  path: '/api/materials/:id/recheck',
  summary:
    'Check now whether the material is reachable: live, removed, blocked, geo_restricted, unreachable or refused (a private or reserved target, never connected to)',
  tags,
  access: 'bearer',
  responses: { 200: { description: 'The check, stored.', schema: recheckResponseSchema } },
  errors: ['not_found', 'consent_required', ...REVIEWERS],
});

describeRoute({
  method: 'get',
  path: '/api/materials/:id/rechecks',
  summary: 'The material’s re-checks, newest first (reviewers, admins)',
  tags,
  access: 'bearer',
  responses: { 200: { description: 'The checks.', schema: rechecksResponseSchema } },
  errors: ['not_found', ...REVIEWERS],
});
