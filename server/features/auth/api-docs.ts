import { loginRequestSchema, loginResponseSchema } from '#shared/schemas/account';
import { describeRoute } from '../openapi/registry';

describeRoute({
  method: 'post',
  path: '/api/auth/login',
  summary: 'Sign in: a bearer token for this device',
  tags: ['accounts'],
  access: 'public',
  body: { json: loginRequestSchema },
  responses: { 200: { description: 'Signed in.', schema: loginResponseSchema } },
  errors: [
    'validation_failed',
    'invalid_credentials',
    'account_pending',
    'account_blocked',
    'unsupported_media_type',
    'too_many_requests',
  ],
});

describeRoute({
  method: 'post',
  path: '/api/auth/logout',
  summary: 'Sign out: the token stops working',
  tags: ['accounts'],
  access: 'bearer',
  responses: { 204: { description: 'Signed out.' } },
  errors: ['unauthorized', 'account_pending', 'account_blocked'],
});
