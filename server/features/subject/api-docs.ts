import { accountClosureSchema, subjectDataSchema } from '#shared/schemas/subject';
import { describeRoute } from '../openapi/registry';

const SIGNED_IN = ['unauthorized', 'account_pending', 'account_blocked'] as const;
const tags = ['data subject'];

describeRoute({
  method: 'get',
  path: '/api/me/data',
  summary: 'Everything the server holds about the caller',
  tags,
  access: 'bearer',
  responses: { 200: { description: "The caller's data.", schema: subjectDataSchema } },
  errors: [...SIGNED_IN],
});

describeRoute({
  method: 'delete',
  path: '/api/me',
  summary:
    'Erasure: close the account and revoke its tokens; personal data is destroyed after the retention period, reports stay pseudonymized',
  tags,
  access: 'bearer',
  responses: { 200: { description: 'The account is closed.', schema: accountClosureSchema } },
  errors: [...SIGNED_IN, 'conflict'],
});
