import { auditPageSchema, auditQuerySchema } from '#shared/schemas/audit';
import { describeRoute } from '../openapi/registry';

describeRoute({
  method: 'get',
  path: '/api/admin/audit',
  summary: 'Audit events, newest first (admins)',
  tags: ['administration'],
  access: 'bearer',
  query: auditQuerySchema,
  responses: { 200: { description: 'A page of events.', schema: auditPageSchema } },
  errors: ['validation_failed', 'unauthorized', 'forbidden', 'account_pending', 'account_blocked'],
});
