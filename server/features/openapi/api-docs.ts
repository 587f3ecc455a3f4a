import { z } from 'zod';
import { describeRoute } from './registry';

describeRoute({
  method: 'get',
  path: '/api/health',
  summary: 'Whether the server is up',
  tags: ['system'],
  access: 'public',
  responses: { 200: { description: 'Up.', schema: z.object({ ok: z.literal(true) }) } },
  errors: [],
});

describeRoute({
  method: 'get',
  path: '/api/openapi.json',
  summary: 'This document',
  tags: ['system'],
  access: 'public',
  responses: { 200: { description: 'The OpenAPI 3.1 document.', schema: z.looseObject({}) } },
  errors: [],
});
